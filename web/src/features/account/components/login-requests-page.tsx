import { formatDateTime } from "../../../lib/i18n/format";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { currentAccount } from "../../../lib/session";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { answerRequest, listPendingRequests } from "../api/auth-requests-api";

/** Account settings → Login requests: approve or deny a "log in with device" request after comparing the phrase. */
export function LoginRequestsPage({ deviceIdentifier }: { deviceIdentifier: string }) {
  const email = currentAccount()?.email ?? "";
  const pending = useAsync(() => listPendingRequests(email), [email]);
  const { busy, error, handle } = useSubmit();
  return (
    <div className="stack">
      <PageHeader title={t("device.requestsTitle")} />
      <p>{t("device.requestsIntro")}</p>
      <ErrorMessage message={error ?? pending.error} />
      {pending.loading ? <Loading /> : (pending.data ?? []).length === 0 ? <EmptyState title={t("device.none")} /> : (
        <DataTable label={t("device.requestsTitle")} rows={pending.data ?? []} rowKey={(r) => r.id} rowLabel={(r) => r.phrase}
          columns={[
            { key: "phrase", header: t("device.phrase"), cell: (r) => <code>{r.phrase}</code> },
            { key: "device", header: t("device.device"), cell: (r) => r.requestDeviceType ?? "" },
            { key: "created", header: t("device.created"), cell: (r) => formatDateTime(r.creationDate) },
          ]}
          actions={(r) => (<>
            <Button className="small" disabled={busy} onClick={handle(async () => { await answerRequest(r, true, deviceIdentifier); pending.reload(); })}>{t("device.approve")}</Button>
            <Button className="small secondary" disabled={busy} onClick={handle(async () => { await answerRequest(r, false, deviceIdentifier); pending.reload(); })}>{t("device.deny")}</Button>
          </>)} />
      )}
    </div>
  );
}
