import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { toast } from "../../../components/ui/toast";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { deleteCipherPermanently, restoreCipher, saveCipher, trashCipher } from "../api/cipher-api";
import { filterCiphers, filterFromParams, type VaultFilter } from "../api/vault-filter";
import { loadVault } from "../api/vault-api";
import type { TransferMode } from "../api/transfer-api";
import { cloneCipher, emptyCipher, type CipherView, type FolderView, type VaultData } from "../../../lib/ciphers/cipher-types";
import { FolderDialog } from "./folder-dialog";
import { GeneratorDialog } from "./generator-dialog";
import { ItemForm } from "./item-form";
import { ItemList } from "./item-list";
import { ItemView } from "./item-view";
import { TransferForm, transferTargets } from "./transfer-form";
import { RecoveryEnrollmentDialog } from "./recovery-enrollment-dialog";
import { VaultFilters } from "./vault-filters";

type ItemDialog = { mode: "view" | "edit"; cipher: CipherView } | { mode: "new"; cipher: CipherView }
  | { mode: "transfer"; cipher: CipherView; ciphers: CipherView[]; transfer: TransferMode };

/** A new item starts where the user is looking: the filtered type, folder, organization or collection. */
function newItemFor(filter: VaultFilter, vault: VaultData): CipherView {
  const draft = emptyCipher();
  if (filter.kind === "type") draft.type = filter.type;
  if (filter.kind === "folder") draft.folderId = filter.folderId;
  if (filter.kind === "favorites") draft.favorite = true;
  const org = (id: string | null) => vault.organizations.find((o) => o.id === id && o.canCreate);
  if (filter.kind === "organization" && org(filter.organizationId)) draft.organizationId = filter.organizationId;
  if (filter.kind === "collection") {
    const collection = vault.collections.find((c) => c.id === filter.collectionId);
    if (collection && !collection.readOnly && org(collection.organizationId)) {
      draft.organizationId = collection.organizationId;
      draft.collectionIds = [collection.id];
    }
  }
  return draft;
}

function dialogTitle(dialog: ItemDialog): string {
  if (dialog.mode === "new") return t("vault.newItem");
  if (dialog.mode === "transfer" && dialog.ciphers.length > 1) {
    return t(dialog.transfer === "move" ? "transfer.moveManyTitle" : "transfer.copyManyTitle", { count: dialog.ciphers.length });
  }
  if (dialog.mode === "transfer") return t(dialog.transfer === "move" ? "transfer.moveTitle" : "transfer.copyTitle", { name: dialog.cipher.name });
  return dialog.mode === "edit" ? t("vault.editItem") : dialog.cipher.name;
}

/** The vault: decrypted items of the user and their orgs, filtered from the sidebar and searched. */
export function VaultPage() {
  const vault = useAsync(loadVault, []);
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [search, setSearch] = useState("");
  const [dialog, setDialog] = useState<ItemDialog | null>(null);
  const [generatorOpen, setGeneratorOpen] = useState(false);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  const [folder, setFolder] = useState<FolderView | null | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const data = vault.data;
  // A deep link (#/vault?item=…, as the command palette makes) opens that item once the vault is decrypted.
  const linked = params.get("item");
  useEffect(() => {
    const cipher = linked && data?.ciphers.find((c) => c.id === linked);
    if (!cipher) return;
    setDialog({ mode: "view", cipher });
    const rest = new URLSearchParams(params);
    rest.delete("item");
    setParams(rest, { replace: true });
  }, [linked, data, params, setParams]);

  if (!data) {
    return (
      <>
        <PageHeader title={t("vault.title")} />
        {vault.loading ? <Loading label={t("vault.loading")} /> : <ErrorMessage message={vault.error} />}
      </>
    );
  }

  const close = () => setDialog(null);
  const after = (work: () => Promise<void>) => async () => {
    await work();
    close();
    vault.reload();
  };
  const save = async (draft: CipherView) => {
    const saved = await saveCipher(draft, dialog?.mode === "new" ? null : (dialog?.cipher ?? null), data.userId);
    setDialog({ mode: "view", cipher: saved });
    toast(t("toast.saved", { name: saved.name }));
    vault.reload();
  };
  const items = filterCiphers(data.ciphers, filter, search);
  // A technician picks client items to carry to another client: all of one client, none in the trash.
  const picked = data.ciphers.filter((c) => c.id && selected.has(c.id));
  const first = picked[0];
  const transferable = (c: CipherView) => c.deletedDate === null && !c.decryptionFailed && transferTargets(data, c.organizationId).length > 0;
  const selection = data.ciphers.some(transferable) ? {
    ids: selected,
    selectable: (c: CipherView) => transferable(c) && (!first || first.organizationId === c.organizationId),
    onToggle: (c: CipherView, on: boolean) => setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(c.id!);
      else next.delete(c.id!);
      return next;
    }),
  } : undefined;
  const transferPicked = (transfer: TransferMode) => first && setDialog({ mode: "transfer", cipher: first, ciphers: picked, transfer });
  const canCreateIn = (orgId: string | null) => data.organizations.some((o) => o.id === orgId && o.canCreate);
  // The open item follows reloads (attachments added or removed), unless the copy in hand is newer (just saved).
  const shown = (cipher: CipherView) => {
    const loaded = data.ciphers.find((c) => c.id === cipher.id);
    return loaded && (loaded.revisionDate ?? "") >= (cipher.revisionDate ?? "") ? loaded : cipher;
  };

  return (
    <>
      <PageHeader title={t("vault.title")}>
        <Button type="button" aria-keyshortcuts="N" onClick={() => setDialog({ mode: "new", cipher: newItemFor(filter, data) })}>{t("vault.newItem")}</Button>
        <Button type="button" className="secondary" onClick={() => setGeneratorOpen(true)}>{t("vault.generator")}</Button>
        <Button type="button" className="secondary" onClick={() => setRecoveryOpen(true)}>{t("vault.accountRecovery")}</Button>
        <Link className="button secondary" to="/vault/sends">{t("send.open")}</Link>
      </PageHeader>
      <RecoveryEnrollmentDialog open={recoveryOpen} onClose={() => setRecoveryOpen(false)} />
      <div className="sidebar-layout">
        <VaultFilters vault={data} current={filter} onEditFolder={setFolder} />
        <section className="vault-main" aria-label={t(filter.kind === "trash" ? "vault.trash" : "vault.items")}>
          <div className="field vault-search">
            <label htmlFor="vault-search">{t("vault.search")}</label>
            <input id="vault-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          {vault.error && <ErrorMessage message={vault.error} />}
          {filter.kind === "trash" && <p className="vault-note">{t("vault.trashNote")}</p>}
          {picked.length > 0 && (
            <div className="vault-actions">
              <Button type="button" className="secondary" onClick={() => transferPicked("copy")}>{t("transfer.copySelected", { count: picked.length })}</Button>
              {picked.every((c) => c.canDelete) && (
                <Button type="button" className="secondary" onClick={() => transferPicked("move")}>{t("transfer.moveSelected", { count: picked.length })}</Button>
              )}
            </div>
          )}
          <ItemList ciphers={items} vault={data} onOpen={(cipher) => setDialog({ mode: "view", cipher })} selection={selection} />
        </section>
      </div>
      <Dialog title={dialog ? dialogTitle(dialog) : ""} open={dialog !== null} onClose={close}>
        {dialog?.mode === "view" && (
          <ItemView key={dialog.cipher.id} cipher={shown(dialog.cipher)} vault={data} onClose={close} onChanged={vault.reload}
            onEdit={() => setDialog({ mode: "edit", cipher: shown(dialog.cipher) })}
            onClone={() => {
              const source = shown(dialog.cipher);
              setDialog({ mode: "new", cipher: cloneCipher(source, canCreateIn(source.organizationId)) });
            }}
            onTransfer={(transfer) => setDialog({ mode: "transfer", cipher: shown(dialog.cipher), ciphers: [shown(dialog.cipher)], transfer })}
            onTrash={after(() => trashCipher(dialog.cipher.id!))}
            onRestore={after(() => restoreCipher(dialog.cipher.id!))}
            onDeletePermanently={after(() => deleteCipherPermanently(dialog.cipher.id!))} />
        )}
        {dialog?.mode === "transfer" && (
          <TransferForm ciphers={dialog.ciphers} mode={dialog.transfer} vault={data} onClose={close}
            onDone={() => { setSelected(new Set()); vault.reload(); }} />
        )}
        {dialog && (dialog.mode === "new" || dialog.mode === "edit") && (
          <ItemForm key={`${dialog.mode}-${dialog.cipher.id}`} initial={dialog.cipher} vault={data} onSave={save}
            onCancel={() => (dialog.mode === "edit" ? setDialog({ mode: "view", cipher: dialog.cipher }) : close())} />
        )}
      </Dialog>
      <GeneratorDialog open={generatorOpen} onClose={() => setGeneratorOpen(false)} />
      <FolderDialog folder={folder} onClose={() => setFolder(undefined)} onChanged={vault.reload} />
    </>
  );
}
