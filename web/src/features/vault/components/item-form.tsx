import { useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { generateSshKey } from "../api/ssh-key";
import { cardKeys, CipherType, cipherTypeNames, identityKeys, sshKeyKeys, type CipherView, type VaultData } from "../../../lib/ciphers/cipher-types";
import { CustomFields } from "./custom-fields";
import { cardLabels, identityLabels, sshKeyLabels } from "./field-labels";
import { GeneratorPanel } from "./generator-dialog";
import { LoginFields } from "./login-fields";
import { OwnershipFields } from "./ownership-fields";
import { RecordFields } from "./record-fields";
import { TextAreaField } from "./text-area-field";
import { t } from "../../../lib/i18n/messages";

export interface ItemFormProps {
  /** The item as stored, or a new empty one (id null). */
  initial: CipherView;
  vault: VaultData;
  onSave: (draft: CipherView) => Promise<void>;
  onCancel: () => void;
}

const typeOptions = Object.values(CipherType).map((t) => ({ value: String(t), label: cipherTypeNames[t]! }));

/** Create or edit an item: what it is, who owns it (My vault or an org and its collections), folder and values. */
export function ItemForm({ initial, vault, onSave, onCancel }: ItemFormProps) {
  const [draft, setDraft] = useState(initial);
  const [generating, setGenerating] = useState(false);
  const { busy, error, handle } = useSubmit();
  const set = (patch: Partial<CipherView>) => setDraft((d) => ({ ...d, ...patch }));
  const isNew = initial.id === null;
  const repromptHint = useId();
  // Items the user may not edit still take their own folder and favorite mark (PUT …/partial).
  const readOnly = !isNew && !initial.edit;
  const folders = [{ value: "", label: t("vault.noFolder") }, ...vault.folders.map((f) => ({ value: f.id, label: f.name }))];

  const submit = handle(async () => {
    if (!draft.name.trim()) throw new Error(t("item.nameRequired"));
    if (draft.organizationId && draft.collectionIds.length === 0) throw new Error(t("item.collectionRequired"));
    await onSave(draft);
  });
  const generateKey = handle(async () => set({ sshKey: await generateSshKey() }));

  return (
    <>
      <form className="vault-item-form" onSubmit={submit} noValidate>
        {isNew && (
          <SelectField label={t("vault.column.type")} value={String(draft.type)} options={typeOptions} onChange={(type) => set({ type: Number(type) })} />
        )}
        <TextField label={t("vault.column.name")} value={draft.name} onChange={(name) => set({ name })} required autoComplete="off" disabled={readOnly} />
        <SelectField label={t("item.folder")} value={draft.folderId ?? ""} options={folders} onChange={(f) => set({ folderId: f || null })} />
        <CheckboxField label={t("item.favorite")} checked={draft.favorite} onChange={(favorite) => set({ favorite })} />
        {readOnly && <p className="vault-note">{t("item.readOnlyNote")}</p>}
        <fieldset className="vault-bare" disabled={readOnly}>
          {/* Named without "password", so the Password field keeps a label of its own. */}
          <CheckboxField label={t("item.reprompt")} checked={draft.reprompt === 1} aria-describedby={repromptHint}
            onChange={(on) => set({ reprompt: on ? 1 : 0 })} />
          <p id={repromptHint} className="vault-hint">{t("item.repromptHint")}</p>
          {draft.type === CipherType.Login && (
            <LoginFields login={draft.login} onChange={(login) => set({ login })} onGenerate={() => setGenerating(true)}
              hidePassword={!initial.viewPassword} />
          )}
          {draft.type === CipherType.Login && generating && (
            // In place under the password rather than a dialog over this dialog; Enter here never submits the item.
            <section className="vault-generator-inline" role="group" aria-label={t("vault.generator")}
              onKeyDown={(e) => { if (e.key === "Enter" && e.target instanceof HTMLInputElement) e.preventDefault(); }}>
              <GeneratorPanel onUse={(password) => {
                set({ login: { ...draft.login, password } });
                setGenerating(false);
              }} />
              <Button type="button" className="secondary small" onClick={() => setGenerating(false)}>{t("item.closeGenerator")}</Button>
            </section>
          )}
          {draft.type === CipherType.Card && (
            <RecordFields legend={t("item.cardDetails")} keys={cardKeys} labels={cardLabels} values={draft.card} secret={["code"]}
              onChange={(card) => set({ card })} />
          )}
          {draft.type === CipherType.Identity && (
            <RecordFields legend={t("item.identity")} keys={identityKeys} labels={identityLabels} values={draft.identity}
              onChange={(identity) => set({ identity })} />
          )}
          {draft.type === CipherType.SshKey && (
            <>
              <RecordFields legend="SSH key" keys={sshKeyKeys} labels={sshKeyLabels} values={draft.sshKey}
                multiline={["privateKey", "publicKey"]} onChange={(sshKey) => set({ sshKey })} />
              <Button type="button" className="secondary" disabled={busy} onClick={() => void generateKey()}>{t("item.generateSshKey")}</Button>
            </>
          )}
          <TextAreaField label={t("item.notes")} value={draft.notes} onChange={(notes) => set({ notes })} />
          <CustomFields fields={draft.fields} onChange={(fields) => set({ fields })} />
          <OwnershipFields initial={initial} draft={draft} vault={vault} onChange={set} />
        </fieldset>
        <ErrorMessage message={error} />
        <div className="vault-actions">
          <Button type="submit" disabled={busy}>{busy ? t("item.saving") : t("item.save")}</Button>
          <Button type="button" className="secondary" onClick={onCancel} disabled={busy}>{t("action.cancel")}</Button>
        </div>
      </form>
    </>
  );
}
