import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { applyTemplate, deleteTemplate, describeDrift, findClients, listTemplates, saveTemplate, templateDrift, type ClientTemplate } from "../api/client-bulk-api";
import { useProvider } from "./use-provider";

const manage = { readOnly: false, hidePasswords: false, manage: true };
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * Client templates: collections (names encrypted here under the provider key), groups, a few policies and the
 * collection-management settings; and, per client, its drift from a template with a button that fixes it.
 */
export function ClientTemplatesPage() {
  const { providerId, key, isAdmin } = useProvider();
  const [refresh, setRefresh] = useState(0);
  const templates = useAsync(() => listTemplates(providerId), [providerId, refresh]);
  const [checking, setChecking] = useState<ClientTemplate | null>(null);
  const { error, handle } = useSubmit();
  return (
    <div>
      <PageHeader title={t("templates.title")} />
      {isAdmin && key && <TemplateForm providerId={providerId} onSaved={() => setRefresh((n) => n + 1)} save={(n, b, c) => saveTemplate(providerId, key, n, b, c)} />}
      <ErrorMessage message={error ?? templates.error} />
      <DataTable label={t("templates.title")} rows={templates.data ?? []} rowKey={(x) => x.id} rowLabel={(x) => x.name}
        columns={[
          { key: "name", header: t("templates.column.template"), cell: (x) => x.name },
          { key: "contents", header: t("templates.column.contents"), cell: (x) => t("templates.contents",
            { collections: x.body.collections.length, groups: x.body.groups.length, policies: x.body.policies.length }) },
          { key: "clients", header: t("templates.column.clients"), cell: (x) => x.clientCount },
        ]}
        actions={(x) => <Button type="button" className="secondary" onClick={() => setChecking(x)}>{t("templates.check", { name: x.name })}</Button>}
        menu={(x) => isAdmin ? [{ label: t("templates.deleteNamed", { name: x.name }), onAction: handle(async () => { await deleteTemplate(providerId, x.id); setRefresh((n) => n + 1); }) }] : []} />
      {checking && key && <DriftPanel providerId={providerId} template={checking} canFix={isAdmin} providerKey={key} />}
    </div>
  );
}

function TemplateForm({ onSaved, save }: { providerId: string; onSaved: () => void;
  save: (name: string, body: Omit<ClientTemplate["body"], "collections">, collections: { name: string; ownerAccess: typeof manage | null; adminAccess: typeof manage | null }[]) => Promise<unknown> }) {
  const [name, setName] = useState("");
  const [collections, setCollections] = useState("");
  const [groups, setGroups] = useState("");
  const [twoStep, setTwoStep] = useState(false);
  const [minLength, setMinLength] = useState("");
  const [limitCreation, setLimitCreation] = useState(true);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const policies = [...(twoStep ? [{ type: 0, enabled: true, data: null }] : []), ...(minLength ? [{ type: 1, enabled: true, data: { minLength: Number(minLength) } }] : [])];
    await save(name.trim(), {
      groups: lines(groups).map((g) => ({ name: g, collections: null })), policies,
      collectionManagement: { limitCollectionCreation: limitCreation, limitCollectionDeletion: limitCreation, limitItemDeletion: false, allowAdminAccessToAllCollectionItems: true },
    }, lines(collections).map((c) => ({ name: c, ownerAccess: manage, adminAccess: manage })));
    setName(""); setCollections(""); setGroups(""); setMinLength("");
    onSaved();
  });
  return (
    <form className="panel portal-form" onSubmit={submit} noValidate aria-label={t("templates.new")}>
      <h2>{t("templates.new")}</h2>
      <TextField label={t("templates.name")} value={name} onChange={setName} maxLength={50} />
      <div className="field"><label htmlFor="tpl-collections">{t("templates.collections")}</label>
        <textarea id="tpl-collections" value={collections} onChange={(e) => setCollections(e.target.value)} rows={3} /></div>
      <div className="field"><label htmlFor="tpl-groups">{t("templates.groups")}</label>
        <textarea id="tpl-groups" value={groups} onChange={(e) => setGroups(e.target.value)} rows={2} /></div>
      <CheckboxField label={t("templates.twoStep")} checked={twoStep} onChange={setTwoStep} />
      <TextField label={t("templates.minLength")} type="number" optional value={minLength} onChange={setMinLength} />
      <CheckboxField label={t("templates.limitCreation")} checked={limitCreation} onChange={setLimitCreation} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !name.trim()}>{busy ? t("templates.saving") : t("templates.save")}</Button>
    </form>
  );
}

/** One client's drift: the server compares what it can read, the browser compares collection names it decrypts. */
function DriftPanel({ providerId, template, canFix, providerKey }: { providerId: string; template: ClientTemplate; canFix: boolean;
  providerKey: Parameters<typeof describeDrift>[0] }) {
  const [search, setSearch] = useState("");
  const [orgId, setOrgId] = useState("");
  const [refresh, setRefresh] = useState(0);
  const found = useAsync(() => findClients(providerId, search, null, null), [providerId, search]);
  const drift = useAsync(async () => orgId ? describeDrift(providerKey, template, await templateDrift(providerId, template.id, orgId)) : null,
    [providerId, template.id, orgId, refresh]);
  const { busy, error, handle } = useSubmit();
  return (
    <section className="panel" aria-label={t("templates.drift")}>
      <h2>{t("templates.drift")}: {template.name}</h2>
      <TextField label={t("templates.findClient")} type="search" value={search} onChange={setSearch} />
      <SelectField label={t("templates.client")} value={orgId} onChange={setOrgId}
        options={[{ value: "", label: t("templates.chooseClient") }, ...(found.data?.data ?? []).map((c) => ({ value: c.organizationId, label: c.organizationName }))]} />
      <ErrorMessage message={error ?? drift.error} />
      {drift.data && (drift.data.length === 0 ? <p role="status">{t("templates.noDrift")}</p> : (
        <ul aria-label={t("templates.differences")}>{drift.data.map((d) => <li key={d}>{d}</li>)}</ul>))}
      {canFix && drift.data && drift.data.length > 0 && (
        <Button type="button" disabled={busy} onClick={handle(async () => { await applyTemplate(providerId, providerKey, template, orgId); setRefresh((n) => n + 1); })}>
          {t("templates.fix")}
        </Button>
      )}
    </section>
  );
}
