import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { decryptToString } from "../../../lib/crypto/enc-string";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { saveTemplate, type ClientTemplate, type RoleAccess, type TemplatePolicy } from "../api/client-bulk-api";

/** Bitwarden's access levels on a collection, as a role's default in a template ("none" gives that role nothing). */
const levels = {
  none: null,
  readOnly: { readOnly: true, hidePasswords: false, manage: false },
  hidePasswords: { readOnly: true, hidePasswords: true, manage: false },
  edit: { readOnly: false, hidePasswords: false, manage: false },
  manage: { readOnly: false, hidePasswords: false, manage: true },
} as const satisfies Record<string, RoleAccess | null>;
type Level = keyof typeof levels;
const levelOf = (a: RoleAccess | null): Level =>
  !a ? "none" : a.manage ? "manage" : a.hidePasswords ? "hidePasswords" : a.readOnly ? "readOnly" : "edit";
const levelOptions = (Object.keys(levels) as Level[]).map((value) => ({ value, label: t(`templates.access.${value}`) }));

interface CollectionRow { id?: string; name: string; owner: Level; admin: Level }
const TwoStep = 0, MasterPassword = 1;

/** The form's fields from a template (names decrypted under the provider key), or a new template's defaults. */
async function fieldsOf(template: ClientTemplate | undefined, providerKey: SymmetricKey) {
  const b = template?.body;
  const policy = (type: number) => b?.policies.find((p) => p.type === type);
  return {
    name: template?.name ?? "",
    collections: b ? await Promise.all(b.collections.map(async (c): Promise<CollectionRow> =>
      ({ id: c.id, name: await decryptToString(c.name, providerKey), owner: levelOf(c.ownerAccess), admin: levelOf(c.adminAccess) }))) : [],
    groups: (b?.groups ?? []).map((g) => g.name).join("\n"),
    twoStep: policy(TwoStep)?.enabled ?? false,
    minLength: policy(MasterPassword)?.enabled ? String(policy(MasterPassword)?.data?.minLength ?? "") : "",
    limitCreation: b?.collectionManagement?.limitCollectionCreation ?? true,
    limitItemDeletion: b?.collectionManagement?.limitItemDeletion ?? false,
    adminAllItems: b?.collectionManagement?.allowAdminAccessToAllCollectionItems ?? true,
  };
}
type Fields = Awaited<ReturnType<typeof fieldsOf>>;

/**
 * A template's editor, for a new one and for an existing one: names are decrypted and re-encrypted here under the
 * provider key. What the form does not show (other policies, other settings of the password policy, groups' own
 * collection access) is kept as the template had it.
 */
export function TemplateForm({ providerId, providerKey, template, onSaved, onCancel }: { providerId: string; providerKey: SymmetricKey;
  template?: ClientTemplate; onSaved: () => void; onCancel?: () => void }) {
  const [fields, setFields] = useState<Fields | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [reset, setReset] = useState(0);
  useEffect(() => {
    fieldsOf(template, providerKey).then(setFields, (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)));
  }, [template, providerKey, reset]);
  const { busy, error, handle } = useSubmit();
  if (!fields) return loadError ? <ErrorMessage message={loadError} /> : <Loading />;
  const set = (patch: Partial<Fields>) => setFields({ ...fields, ...patch });
  const setRow = (i: number, patch: Partial<CollectionRow>) => set({ collections: fields.collections.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  const body = template?.body;
  const kept = (body?.policies ?? []).filter((p) => p.type !== TwoStep && p.type !== MasterPassword);

  const submit = handle(async () => {
    const old = body?.policies.find((p) => p.type === MasterPassword);
    const policies: TemplatePolicy[] = [...kept,
      ...(fields.twoStep ? [{ type: TwoStep, enabled: true, data: null }] : []),
      ...(fields.minLength ? [{ type: MasterPassword, enabled: true, data: { ...old?.data, minLength: Number(fields.minLength) } }] : [])];
    const groups = fields.groups.split("\n").map((g) => g.trim()).filter(Boolean);
    const rows = fields.collections.filter((c) => c.name.trim());
    const refs = new Set(rows.flatMap((c) => (c.id ? [c.id] : [])));
    await saveTemplate(providerId, providerKey, fields.name.trim(), {
      // A group keeps its access to the collections still in the template.
      groups: groups.map((name) => {
        const access = body?.groups.find((g) => g.name === name)?.collections?.filter((a) => refs.has(a.id)) ?? null;
        return { name, collections: access };
      }),
      policies,
      collectionManagement: { limitCollectionCreation: fields.limitCreation, limitCollectionDeletion: fields.limitCreation,
        limitItemDeletion: fields.limitItemDeletion, allowAdminAccessToAllCollectionItems: fields.adminAllItems },
    }, rows.map((c) => ({ id: c.id, name: c.name, ownerAccess: levels[c.owner], adminAccess: levels[c.admin] })), template?.id);
    if (!template) setReset((n) => n + 1);
    onSaved();
  });
  const title = template ? t("templates.edit", { name: template.name }) : t("templates.new");
  return (
    <form className={template ? "portal-form" : "panel portal-form"} onSubmit={submit} noValidate aria-label={title}>
      {!template && <h2>{title}</h2>}
      <TextField label={t("templates.name")} value={fields.name} onChange={(name) => set({ name })} maxLength={50} />
      <fieldset className="portal-form">
        <legend>{t("templates.collections")}</legend>
        {fields.collections.map((c, i) => (
          <div className="portal-actions" key={c.id ?? `new-${i}`}>
            <TextField label={`${t("templates.collectionName")} ${i + 1}`} value={c.name} onChange={(name) => setRow(i, { name })} />
            <SelectField label={t("templates.ownerAccess")} value={c.owner} onChange={(v) => setRow(i, { owner: v as Level })} options={levelOptions} />
            <SelectField label={t("templates.adminAccess")} value={c.admin} onChange={(v) => setRow(i, { admin: v as Level })} options={levelOptions} />
            <Button type="button" className="secondary small" onClick={() => set({ collections: fields.collections.filter((_, j) => j !== i) })}>
              {t("templates.removeCollection", { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button type="button" className="secondary" onClick={() => set({ collections: [...fields.collections, { name: "", owner: "manage", admin: "manage" }] })}>
          {t("templates.addCollection")}
        </Button>
      </fieldset>
      <div className="field"><label htmlFor={`tpl-groups-${template?.id ?? "new"}`}>{t("templates.groups")}</label>
        <textarea id={`tpl-groups-${template?.id ?? "new"}`} value={fields.groups} onChange={(e) => set({ groups: e.target.value })} rows={2} /></div>
      <CheckboxField label={t("templates.twoStep")} checked={fields.twoStep} onChange={(twoStep) => set({ twoStep })} />
      <TextField label={t("templates.minLength")} type="number" optional value={fields.minLength} onChange={(minLength) => set({ minLength })} />
      <CheckboxField label={t("templates.limitCreation")} checked={fields.limitCreation} onChange={(limitCreation) => set({ limitCreation })} />
      <CheckboxField label={t("templates.limitItemDeletion")} checked={fields.limitItemDeletion} onChange={(limitItemDeletion) => set({ limitItemDeletion })} />
      <CheckboxField label={t("templates.adminAllItems")} checked={fields.adminAllItems} onChange={(adminAllItems) => set({ adminAllItems })} />
      {kept.length > 0 && <p className="portal-hint">{t("templates.otherPolicies", { count: kept.length })}</p>}
      <SubmitRow label={t("templates.save")} busyLabel={t("templates.saving")} busy={busy} error={error} disabled={!fields.name.trim()} onCancel={onCancel} />
    </form>
  );
}
