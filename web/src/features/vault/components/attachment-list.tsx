import { useId } from "react";
import { ErrorMessage } from "../../../components/ui/error-message";
import { saveFile } from "../../../lib/save-file";
import { useSubmit } from "../../../lib/use-submit";
import { deleteAttachment, downloadAttachment, uploadAttachment } from "../api/attachment-api";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";


/** An item's files: downloaded and decrypted here; added encrypted (v2 upload) by those who may edit the item. */
export function AttachmentList({ cipher, onChanged }: { cipher: CipherView; onChanged: () => void }) {
  const inputId = useId();
  const { busy, error, handle } = useSubmit();
  const canChange = cipher.edit && cipher.deletedDate === null;
  if (cipher.attachments.length === 0 && !canChange) return null;
  const download = (a: AttachmentView) => handle(async () => saveFile(await downloadAttachment(cipher, a), a.fileName));
  const remove = (a: AttachmentView) => handle(async () => {
    await deleteAttachment(cipher.id!, a.id);
    onChanged();
  });
  return (
    <fieldset className="vault-fieldset vault-attachments">
      <legend>{t("item.attachments")}</legend>
      {cipher.attachments.length > 0 && (
        <ul>
          {cipher.attachments.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-button" disabled={busy} onClick={download(a)}>Download {a.fileName}</button>
              <span className="vault-subtitle"> {a.sizeName}</span>
              {canChange && (
                <button type="button" className="link-button" disabled={busy} onClick={remove(a)}>Delete attachment {a.fileName}</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canChange && (
        <div className="field">
          <label htmlFor={inputId}>{t("item.addAttachment")}</label>
          <input id={inputId} type="file" disabled={busy} onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void handle(async () => {
              await uploadAttachment(cipher, file);
              onChanged();
            })();
          }} />
        </div>
      )}
      {busy && <p className="loading" role="status">{t("item.working")}</p>}
      <ErrorMessage message={error} />
    </fieldset>
  );
}
