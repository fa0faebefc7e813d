import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SelectField } from "../../../components/ui/select-field";
import { toast } from "../../../components/ui/toast";
import type { CipherView, VaultData } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { transferItems, type TransferMode, type TransferOutcome } from "../api/transfer-api";

export interface TransferFormProps {
  /** Items of one client, all carried to the same target. */
  ciphers: CipherView[];
  mode: TransferMode;
  vault: VaultData;
  onClose: () => void;
  /** After a transfer, done or not: the vault reloads. */
  onDone: () => void;
}

/**
 * The clients an item may go to: the same provider's other clients this technician carries, with a collection
 * they may add to (an item of a client lives in its collections).
 */
export function transferTargets(vault: VaultData, sourceOrganizationId: string | null) {
  const source = vault.organizations.find((o) => o.id === sourceOrganizationId);
  if (!source?.providerId) return [];
  return vault.organizations.filter((o) => o.providerId === source.providerId && o.id !== source.id && o.canCreate
    && vault.collections.some((c) => c.organizationId === o.id && !c.readOnly));
}

/** Copy or move to another client: choose the client and its collections, then per-item progress and results. */
export function TransferForm({ ciphers, mode, vault, onClose, onDone }: TransferFormProps) {
  const sourceOrganizationId = ciphers[0]?.organizationId ?? null;
  const source = vault.organizations.find((o) => o.id === sourceOrganizationId);
  const targets = transferTargets(vault, sourceOrganizationId);
  const [targetId, setTargetId] = useState("");
  const [collectionIds, setCollectionIds] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcomes, setOutcomes] = useState<TransferOutcome[] | null>(null);
  const [invalid, setInvalid] = useState(false);
  const { busy, error, handle } = useSubmit();
  const collections = vault.collections.filter((c) => c.organizationId === targetId && !c.readOnly);

  const run = handle(async () => {
    if (!source?.providerId || !sourceOrganizationId || !targetId) return;
    if (collectionIds.length === 0) {
      setInvalid(true);
      return;
    }
    setProgress({ done: 0, total: ciphers.length });
    const results = await transferItems(ciphers, {
      providerId: source.providerId, sourceOrganizationId, targetOrganizationId: targetId, collectionIds, mode,
    }, vault.userId, (done, total) => setProgress({ done, total }));
    setOutcomes(results);
    const count = results.filter((r) => !r.error).length;
    if (count > 0) toast(t(mode === "move" ? "transfer.moved" : "transfer.copied", { count }));
    onDone();
  });

  if (outcomes) {
    return (
      <div className="vault-transfer">
        <h3>{t("transfer.results")}</h3>
        <ul aria-label={t("transfer.results")}>
          {outcomes.map((o) => (
            <li key={o.cipher.id}>
              {o.error ? t("transfer.itemFailed", { name: o.cipher.name, reason: o.error }) : t("transfer.itemDone", { name: o.cipher.name })}
            </li>
          ))}
        </ul>
        <div className="vault-actions">
          <Button type="button" onClick={onClose} autoFocus>{t("action.close")}</Button>
        </div>
      </div>
    );
  }

  return (
    <form className="vault-transfer" onSubmit={run}>
      <p>{t(mode === "move" ? "transfer.moveNote" : "transfer.copyNote")}</p>
      {targets.length === 0 ? <p>{t("transfer.noTargets")}</p> : (
        <>
          <SelectField label={t("transfer.target")} value={targetId} required
            options={[{ value: "", label: t("transfer.chooseTarget") }, ...targets.map((o) => ({ value: o.id, label: o.name }))]}
            onChange={(id) => { setTargetId(id); setCollectionIds([]); }} />
          {targetId && (
            <fieldset className="vault-collections">
              <legend>{t("transfer.collections")}</legend>
              {collections.map((c) => (
                <CheckboxField key={c.id} label={c.name} checked={collectionIds.includes(c.id)}
                  onChange={(on) => {
                    setInvalid(false);
                    setCollectionIds(on ? [...collectionIds, c.id] : collectionIds.filter((id) => id !== c.id));
                  }} />
              ))}
              {invalid && <p className="error" role="alert">{t("transfer.needCollection")}</p>}
            </fieldset>
          )}
        </>
      )}
      {progress && (
        <label className="field">
          {t("transfer.progress")}
          <progress value={progress.done} max={progress.total}>{`${progress.done} / ${progress.total}`}</progress>
        </label>
      )}
      <ErrorMessage message={error} />
      <div className="vault-actions">
        <Button type="submit" className={mode === "move" ? "danger" : undefined} disabled={busy || !targetId}>
          {t(mode === "move" ? "transfer.move" : "transfer.copy")}
        </Button>
        <Button type="button" className="secondary" onClick={onClose} disabled={busy}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}
