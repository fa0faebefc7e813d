import { CheckboxField } from "../../../components/ui/checkbox-field";
import { SelectField } from "../../../components/ui/select-field";
import type { CipherView, VaultData } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

export interface OwnershipFieldsProps {
  initial: CipherView;
  draft: CipherView;
  vault: VaultData;
  onChange: (patch: Pick<CipherView, "organizationId" | "collectionIds">) => void;
}

/** Who owns the item: My vault or an org the user may add to, and then which of its collections. */
export function OwnershipFields({ initial, draft, vault, onChange }: OwnershipFieldsProps) {
  // An org item stays in its org; a personal one may move into an org (shared) when it is saved.
  const owners = [
    { value: "", label: t("vault.myVault") },
    ...vault.organizations.filter((o) => o.canCreate || o.id === initial.organizationId).map((o) => ({ value: o.id, label: o.name })),
  ];
  const collections = vault.collections.filter((c) => c.organizationId === draft.organizationId);
  const toggle = (id: string, on: boolean) => onChange({
    organizationId: draft.organizationId,
    collectionIds: on ? [...draft.collectionIds, id] : draft.collectionIds.filter((c) => c !== id),
  });
  return (
    <fieldset className="vault-fieldset">
      <legend>{t("item.ownership")}</legend>
      <SelectField label={t("item.organization")} value={draft.organizationId ?? ""} options={owners} disabled={initial.organizationId !== null}
        onChange={(o) => onChange({ organizationId: o || null, collectionIds: [] })} />
      {draft.organizationId && (
        <fieldset className="vault-collections">
          <legend>{t("vault.collections")}</legend>
          {collections.length === 0 && <p>{t("item.noWritableCollections")}</p>}
          {collections.map((c) => (
            <CheckboxField key={c.id} label={c.name} checked={draft.collectionIds.includes(c.id)} disabled={c.readOnly}
              onChange={(on) => toggle(c.id, on)} />
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
