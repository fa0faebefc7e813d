import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { toast } from "../../../components/ui/toast";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { deleteSend, listSends, removeSendPassword, saveSend, SendType, type SendDraft, type SendView } from "../api/send-api";
import { sendLink } from "../api/send-crypto";
import { loadSendPolicies } from "../api/send-policies";
import { SendForm } from "./send-form";

type Editing = { send: SendView | null } | null;

function statusOf(send: SendView, now: number): string {
  if (send.disabled) return t("send.statusDisabled");
  if (send.expirationDate && Date.parse(send.expirationDate) <= now) return t("send.statusExpired");
  if (send.maxAccessCount !== null && send.accessCount >= send.maxAccessCount) return t("send.statusMaxed");
  return send.hasPassword ? t("send.statusPassword") : t("send.statusActive");
}

/** The web vault this page was loaded from, which serves the received-Send page the links open. */
const vaultUrl = () => `${window.location.origin}${window.location.pathname}`;

/** The user's Sends: list, create and edit text and file Sends, copy a Send's link, remove its password, delete it. */
export function SendsPage() {
  const sends = useAsync(listSends, []);
  // Until the policies load nothing is forbidden here: the server still enforces them.
  const policies = useAsync(loadSendPolicies, []).data ?? { disableSend: false, disableHideEmail: false };
  const newSend = (
    <Button type="button" onClick={() => setEditing({ send: null })} disabled={policies.disableSend}
      disabledReason={policies.disableSend ? t("send.policyDisabledReason") : null}>{t("send.new")}</Button>
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<SendView | null>(null);
  const removal = useSubmit();

  const copyLink = async (send: SendView) => {
    try {
      await navigator.clipboard.writeText(sendLink(vaultUrl(), send.accessId, send.keyMaterial));
      toast(t("send.linkCopied", { name: send.name }));
    } catch {
      toast(t("send.copyFailed"));
    }
  };
  const save = async (draft: SendDraft) => {
    const saved = await saveSend(draft, editing?.send ?? null);
    setEditing(null);
    toast(t("toast.saved", { name: saved.name }));
    sends.reload();
  };
  const removePassword = (send: SendView) => removal.handle(async () => {
    await removeSendPassword(send.id);
    toast(t("send.passwordRemoved", { name: send.name }));
    sends.reload();
  })();
  const now = Date.now();

  return (
    <>
      <PageHeader title={t("send.title")}>{newSend}</PageHeader>
      {(policies.disableSend || policies.disableHideEmail) && (
        <div className="callout" role="note" aria-label={t("send.policyTitle")}>
          {policies.disableSend && <p>{t("send.policyDisabled")}</p>}
          {policies.disableHideEmail && <p>{t("send.policyHideEmail")}</p>}
        </div>
      )}
      {!sends.data ? (
        sends.loading ? <Loading label={t("send.loading")} /> : <ErrorMessage message={sends.error} />
      ) : sends.data.length === 0 ? (
        <EmptyState title={t("send.empty")} action={newSend}>
          {t("send.emptyBody")}
        </EmptyState>
      ) : (
        <>
          <ErrorMessage message={removal.error} />
          <DataTable label={t("send.tableLabel")} rows={sends.data} rowKey={(s) => s.id} rowLabel={(s) => s.name}
            initialSort={{ key: "name", direction: "ascending" }}
            columns={[
              { key: "name", header: t("send.name"), cell: (s) => s.name, sortValue: (s) => s.name.toLowerCase() },
              { key: "type", header: t("send.type"), cell: (s) => (s.type === SendType.File ? t("send.typeFile") : t("send.typeText")) },
              { key: "status", header: t("send.status"), cell: (s) => statusOf(s, now) },
              {
                key: "accessCount", header: t("send.accessCount"), sortValue: (s) => s.accessCount,
                cell: (s) => (s.maxAccessCount === null ? String(s.accessCount) : `${s.accessCount} / ${s.maxAccessCount}`),
              },
              { key: "deletionDate", header: t("send.deletionDate"), cell: (s) => formatDateTime(s.deletionDate), sortValue: (s) => s.deletionDate },
            ]}
            actions={(s) => <Button type="button" className="secondary small" onClick={() => void copyLink(s)}>{t("send.copyLink")}</Button>}
            menu={(s) => [
              // Under "Disable Send" a Send can only be deleted (the server refuses any edit).
              !policies.disableSend && { label: t("send.edit"), onAction: () => setEditing({ send: s }) },
              s.hasPassword && { label: t("send.removePassword"), onAction: () => removePassword(s) },
              { label: t("send.delete"), onAction: () => setDeleting(s), danger: true },
            ]} />
        </>
      )}
      <Dialog title={editing?.send ? t("send.edit") : t("send.new")} open={editing !== null} onClose={() => setEditing(null)}>
        {editing && <SendForm send={editing.send} onSave={save} onCancel={() => setEditing(null)} hideEmailForbidden={policies.disableHideEmail} />}
      </Dialog>
      <Dialog title={t("send.deleteTitle")} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting && (
          <DeleteSend send={deleting} onDone={() => { setDeleting(null); sends.reload(); }} onCancel={() => setDeleting(null)} />
        )}
      </Dialog>
    </>
  );
}

function DeleteSend({ send, onDone, onCancel }: { send: SendView; onDone: () => void; onCancel: () => void }) {
  const submit = useSubmit();
  return (
    <form onSubmit={submit.handle(async () => {
      await deleteSend(send.id);
      toast(t("send.deleted", { name: send.name }));
      onDone();
    })}>
      <p>{t("send.deleteConfirm", { name: send.name })}</p>
      <SubmitRow label={t("send.delete")} busyLabel={t("send.deleting")} busy={submit.busy} error={submit.error} danger onCancel={onCancel} />
    </form>
  );
}
