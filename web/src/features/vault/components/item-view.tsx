import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { useSubmit } from "../../../lib/use-submit";
import { cardKeys, CipherType, cipherTypeNames, FieldType, identityKeys, sshKeyKeys, type CipherView, type VaultData } from "../../../lib/ciphers/cipher-types";
import { AttachmentList } from "./attachment-list";
import { cardLabels, identityLabels, sshKeyLabels } from "./field-labels";
import { ReadonlyField } from "./readonly-field";
import { RepromptGate } from "./reprompt-gate";
import { TotpField } from "./totp-field";
import { transferTargets } from "./transfer-form";
import type { TransferMode } from "../api/transfer-api";
import { useCopy } from "./use-copy";
import { formatDateTime, formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";

export interface ItemViewProps {
  cipher: CipherView;
  vault: VaultData;
  onEdit: () => void;
  onClone: () => void;
  /** Copy or move a client's item to another client of the same provider (technicians only). */
  onTransfer?: (mode: TransferMode) => void;
  onTrash: () => Promise<void>;
  onRestore: () => Promise<void>;
  onDeletePermanently: () => Promise<void>;
  onClose: () => void;
  /** After a change the page reloads the vault and shows the item again. */
  onChanged: () => void;
}

function Section<K extends string>({ keys, labels, values, secret, copy, onCopy }: {
  keys: readonly K[]; labels: Record<K, string>; values: Record<K, string>; secret?: K[]; copy?: K[];
  onCopy: (what: string, value: string) => void;
}) {
  return keys.filter((k) => values[k]).map((k) => (
    <ReadonlyField key={k} label={labels[k]} value={values[k]} secret={secret?.includes(k)}
      copyName={copy?.includes(k) ? labels[k].toLowerCase() : undefined} onCopy={onCopy} />
  ));
}

/** An item's decrypted values, each labelled, with copy buttons; passwords stay hidden until shown. */
export function ItemView({ cipher, vault, onEdit, onClone, onTransfer, onTrash, onRestore, onDeletePermanently, onClose, onChanged }: ItemViewProps) {
  const { copy, status } = useCopy();
  const { busy, error, handle } = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [verified, setVerified] = useState(cipher.reprompt === 0);
  const org = vault.organizations.find((o) => o.id === cipher.organizationId);
  const folder = vault.folders.find((f) => f.id === cipher.folderId);
  const collections = vault.collections.filter((c) => cipher.collectionIds.includes(c.id)).map((c) => c.name);
  const login = cipher.login;
  const inTrash = cipher.deletedDate !== null;
  const transferable = !!onTransfer && !inTrash && !cipher.decryptionFailed && transferTargets(vault, cipher.organizationId).length > 0;
  if (!verified) return <RepromptGate onVerified={() => setVerified(true)} onCancel={onClose} />;
  return (
    <div className="vault-item-view">
      {cipher.decryptionFailed && <p className="error">{t("item.undecryptable")}</p>}
      <ReadonlyField label={t("vault.column.type")} value={cipherTypeNames[cipher.type] ?? t("vault.typeNumber", { type: cipher.type })} />
      {cipher.type === CipherType.Login && (
        <>
          {login.username && <ReadonlyField label={t("item.username")} value={login.username} copyName="username" onCopy={copy} />}
          {login.password && cipher.viewPassword && (
            <ReadonlyField label={t("item.password")} value={login.password} secret copyName="password" onCopy={copy} />
          )}
          {login.totp && cipher.viewPassword && <TotpField secret={login.totp} onCopy={copy} />}
          {login.uris.map((u, i) => (
            <div key={i} className="vault-uri">
              <ReadonlyField label={login.uris.length > 1 ? t("item.websiteNumber", { number: i + 1 }) : t("item.website")} value={u.uri} copyName="website" onCopy={copy} />
              {/^https?:\/\//i.test(u.uri) && <a href={u.uri} target="_blank" rel="noreferrer noopener">{t("item.openUri", { uri: u.uri })}</a>}
            </div>
          ))}
        </>
      )}
      {cipher.type === CipherType.Card && (
        <Section keys={cardKeys} labels={cardLabels} values={cipher.card} secret={["code"]} copy={["number", "code"]} onCopy={copy} />
      )}
      {cipher.type === CipherType.Identity && <Section keys={identityKeys} labels={identityLabels} values={cipher.identity} onCopy={copy} />}
      {cipher.type === CipherType.SshKey && (
        <Section keys={sshKeyKeys} labels={sshKeyLabels} values={cipher.sshKey} secret={["privateKey"]}
          copy={["privateKey", "publicKey", "keyFingerprint"]} onCopy={copy} />
      )}
      {cipher.notes && <ReadonlyField label={t("item.notes")} value={cipher.notes} multiline />}
      {cipher.fields.map((f, i) => (
        <ReadonlyField key={i} label={f.name || t("item.fieldNumber", { number: i + 1 })}
          value={f.type === FieldType.Boolean ? t(f.value === "true" ? "item.yes" : "item.no") : f.value}
          secret={f.type === FieldType.Hidden} copyName={f.type === FieldType.Boolean ? undefined : (f.name || `field ${i + 1}`)} onCopy={copy} />
      ))}
      <ReadonlyField label={t("vault.column.owner")} value={org ? org.name : t("vault.myVault")} />
      {collections.length > 0 && <ReadonlyField label={t("vault.collections")} value={collections.join(", ")} />}
      {folder && <ReadonlyField label={t("item.folder")} value={folder.name} />}
      {cipher.favorite && <p>{t("item.favorite")}</p>}
      {cipher.passwordHistory.length > 0 && cipher.viewPassword && (
        <details>
          <summary>{t("item.passwordHistory", { count: formatNumber(cipher.passwordHistory.length) })}</summary>
          {cipher.passwordHistory.map((h, i) => (
            <ReadonlyField key={i} label={t("item.usedUntil", { date: formatDateTime(h.lastUsedDate) })} value={h.password} secret />
          ))}
        </details>
      )}
      {!cipher.decryptionFailed && <AttachmentList cipher={cipher} onChanged={onChanged} />}
      {status}
      {confirming && (
        <div className="vault-confirm" role="group" aria-label={t("item.confirmDelete")}>
          <p>{t("item.deletePermanentlyQuestion", { name: cipher.name })}</p>
          <Button type="button" className="danger" onClick={handle(onDeletePermanently)} disabled={busy}>{t("item.yesDeletePermanently")}</Button>
          <Button type="button" className="secondary" onClick={() => setConfirming(false)}>{t("item.keepIt")}</Button>
        </div>
      )}
      <ErrorMessage message={error} />
      <div className="vault-actions">
        {/* Where focus lands when the item opens or has just been saved: the next likely action, not a read-only field. */}
        {!inTrash && !cipher.decryptionFailed && <Button type="button" onClick={onEdit} disabled={busy} data-autofocus autoFocus>{t("item.edit")}</Button>}
        {!inTrash && !cipher.decryptionFailed && (
          <Button type="button" className="secondary" onClick={onClone} disabled={busy}>{t("item.clone")}</Button>
        )}
        {transferable && <Button type="button" className="secondary" onClick={() => onTransfer("copy")} disabled={busy}>{t("transfer.copyAction")}</Button>}
        {transferable && cipher.canDelete && (
          <Button type="button" className="secondary" onClick={() => onTransfer("move")} disabled={busy}>{t("transfer.moveAction")}</Button>
        )}
        {!inTrash && cipher.canDelete && <Button type="button" className="danger" onClick={handle(onTrash)} disabled={busy}>{t("item.delete")}</Button>}
        {inTrash && cipher.canRestore && <Button type="button" onClick={handle(onRestore)} disabled={busy}>{t("item.restore")}</Button>}
        {inTrash && cipher.canDelete && !confirming && (
          <Button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy}>{t("item.deletePermanently")}</Button>
        )}
        <Button type="button" className="secondary" onClick={onClose}>{t("action.close")}</Button>
      </div>
    </div>
  );
}
