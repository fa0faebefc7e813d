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
  const folders = [{ value: "", label: "No folder" }, ...vault.folders.map((f) => ({ value: f.id, label: f.name }))];

  const submit = handle(async () => {
    if (!draft.name.trim()) throw new Error("The name is required.");
    if (draft.organizationId && draft.collectionIds.length === 0) throw new Error("Choose at least one collection.");
    await onSave(draft);
  });
  const generateKey = handle(async () => set({ sshKey: await generateSshKey() }));

  return (
    <>
      <form className="vault-item-form" onSubmit={submit} noValidate>
        {isNew && (
          <SelectField label="Type" value={String(draft.type)} options={typeOptions} onChange={(t) => set({ type: Number(t) })} />
        )}
        <TextField label="Name" value={draft.name} onChange={(name) => set({ name })} required autoComplete="off" disabled={readOnly} />
        <SelectField label="Folder" value={draft.folderId ?? ""} options={folders} onChange={(f) => set({ folderId: f || null })} />
        <CheckboxField label="Favorite" checked={draft.favorite} onChange={(favorite) => set({ favorite })} />
        {readOnly && <p className="vault-note">You can only view this item; its folder and favorite mark are yours to change.</p>}
        <fieldset className="vault-bare" disabled={readOnly}>
          {/* Named without "password", so the Password field keeps a label of its own. */}
          <CheckboxField label="Re-prompt before showing this item" checked={draft.reprompt === 1} aria-describedby={repromptHint}
            onChange={(on) => set({ reprompt: on ? 1 : 0 })} />
          <p id={repromptHint} className="vault-hint">Opening it will ask for your master password.</p>
          {draft.type === CipherType.Login && (
            <LoginFields login={draft.login} onChange={(login) => set({ login })} onGenerate={() => setGenerating(true)}
              hidePassword={!initial.viewPassword} />
          )}
          {draft.type === CipherType.Login && generating && (
            // In place under the password rather than a dialog over this dialog; Enter here never submits the item.
            <section className="vault-generator-inline" role="group" aria-label="Generator"
              onKeyDown={(e) => { if (e.key === "Enter" && e.target instanceof HTMLInputElement) e.preventDefault(); }}>
              <GeneratorPanel onUse={(password) => {
                set({ login: { ...draft.login, password } });
                setGenerating(false);
              }} />
              <Button type="button" className="secondary small" onClick={() => setGenerating(false)}>Close generator</Button>
            </section>
          )}
          {draft.type === CipherType.Card && (
            <RecordFields legend="Card details" keys={cardKeys} labels={cardLabels} values={draft.card} secret={["code"]}
              onChange={(card) => set({ card })} />
          )}
          {draft.type === CipherType.Identity && (
            <RecordFields legend="Identity" keys={identityKeys} labels={identityLabels} values={draft.identity}
              onChange={(identity) => set({ identity })} />
          )}
          {draft.type === CipherType.SshKey && (
            <>
              <RecordFields legend="SSH key" keys={sshKeyKeys} labels={sshKeyLabels} values={draft.sshKey}
                multiline={["privateKey", "publicKey"]} onChange={(sshKey) => set({ sshKey })} />
              <Button type="button" className="secondary" disabled={busy} onClick={() => void generateKey()}>Generate SSH key</Button>
            </>
          )}
          <TextAreaField label="Notes" value={draft.notes} onChange={(notes) => set({ notes })} />
          <CustomFields fields={draft.fields} onChange={(fields) => set({ fields })} />
          <OwnershipFields initial={initial} draft={draft} vault={vault} onChange={set} />
        </fieldset>
        <ErrorMessage message={error} />
        <div className="vault-actions">
          <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save"}</Button>
          <Button type="button" className="secondary" onClick={onCancel} disabled={busy}>Cancel</Button>
        </div>
      </form>
    </>
  );
}
