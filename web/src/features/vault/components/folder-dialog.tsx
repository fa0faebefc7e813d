import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { createFolder, deleteFolder, renameFolder } from "../api/folder-api";
import type { FolderView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

export interface FolderDialogProps {
  /** undefined: closed; null: a new folder; otherwise the folder to rename or delete. */
  folder: FolderView | null | undefined;
  onClose: () => void;
  onChanged: () => void;
}

function FolderForm({ folder, onClose, onChanged }: { folder: FolderView | null; onClose: () => void; onChanged: () => void }) {
  const [name, setName] = useState(folder?.name ?? "");
  const { busy, error, handle } = useSubmit();
  const done = () => {
    onChanged();
    onClose();
  };
  const save = handle(async () => {
    if (!name.trim()) throw new Error(t("folder.nameRequired"));
    await (folder ? renameFolder(folder.id, name.trim()) : createFolder(name.trim()));
    done();
  });
  const remove = handle(async () => {
    if (!folder) return;
    await deleteFolder(folder.id);
    done();
  });
  return (
    <form onSubmit={save} noValidate className="vault-item-form">
      <TextField label={t("folder.name")} value={name} onChange={setName} required autoComplete="off" />
      {folder && <p>{t("folder.deleteNote")}</p>}
      <ErrorMessage message={error} />
      <div className="vault-actions">
        <Button type="submit" disabled={busy}>{t("item.save")}</Button>
        {folder && <Button type="button" className="danger" disabled={busy} onClick={() => void remove()}>{t("folder.delete")}</Button>}
        <Button type="button" className="secondary" onClick={onClose}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}

/** Create, rename or delete a folder; the name is encrypted with the user key before it is sent. */
export function FolderDialog({ folder, onClose, onChanged }: FolderDialogProps) {
  return (
    <Dialog title={t(folder ? "folder.edit" : "vault.newFolder")} open={folder !== undefined} onClose={onClose}>
      {folder !== undefined && <FolderForm key={folder?.id ?? "new"} folder={folder} onClose={onClose} onChanged={onChanged} />}
    </Dialog>
  );
}
