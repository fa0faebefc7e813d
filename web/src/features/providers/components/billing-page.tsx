import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { toast } from "../../../components/ui/toast";
import { saveFile } from "../../../lib/save-file";
import { formatDate, formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { setExternalId, usageCsv, usagePage, type ClientUsage } from "../api/operations-api";
import { useProvider } from "./use-provider";

/** This month in UTC, as the server's periods are (yyyy-MM). */
const thisMonth = () => new Date().toISOString().slice(0, 7);

/** Billing (provider admins): a month's seat usage per client, paged as the server pages it, its CSV, and PSA ids. */
export function BillingPage() {
  const { providerId, isAdmin } = useProvider();
  const [month, setMonth] = useState(thisMonth);
  const [rows, setRows] = useState<ClientUsage[] | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [editing, setEditing] = useState<ClientUsage | null>(null);
  const { busy, error, handle } = useSubmit();
  const load = (after: string | null) => handle(async () => {
    const page = await usagePage(providerId, month, after);
    setRows((prev) => (after && prev ? [...prev, ...page.data] : page.data));
    setToken(page.continuationToken);
  })();
  useEffect(() => {
    // An incomplete month (typing) waits; the server would answer 400.
    if (isAdmin && /^\d{4}-\d{2}$/.test(month)) {
      setRows(null);
      void load(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [providerId, month, isAdmin]);

  if (!isAdmin) return <><PageHeader title={t("billing.title")} /><p>{t("ops.adminsOnly")}</p></>;
  return (
    <div>
      <PageHeader title={t("billing.title")}>
        <Button type="button" className="secondary" disabled={busy}
          onClick={handle(async () => saveFile(await usageCsv(providerId, month), `usage-${month}.csv`))}>{t("billing.downloadCsv")}</Button>
      </PageHeader>
      <p className="portal-hint">{t("billing.how")}</p>
      <TextField label={t("billing.month")} type="month" value={month} onChange={setMonth} max={thisMonth()} />
      <ErrorMessage message={error} />
      {rows === null ? (error ? null : <Loading />) : rows.length === 0 ? (
        <EmptyState title={t("billing.none")}>{t("billing.noneHint")}</EmptyState>
      ) : (
        <DataTable label={t("billing.table")} rows={rows} rowKey={(r) => r.organizationId} rowLabel={(r) => r.clientName}
          initialSort={{ key: "client", direction: "ascending" }}
          columns={[
            { key: "client", header: t("billing.client"), cell: (r) => r.clientName, sortValue: (r) => r.clientName.toLowerCase() },
            { key: "external", header: t("billing.externalId"), cell: (r) => r.externalId ?? "—", sortValue: (r) => r.externalId ?? "", wrap: true },
            { key: "period", header: t("billing.period"), cell: (r) => `${formatDate(r.periodStart)} – ${formatDate(r.periodEnd)}` },
            { key: "seats", header: t("billing.seats"), cell: (r) => formatNumber(r.seats), sortValue: (r) => r.seats },
            { key: "average", header: t("billing.average"), cell: (r) => formatNumber(r.averageSeats), sortValue: (r) => r.averageSeats },
            { key: "assigned", header: t("billing.assigned"), cell: (r) => (r.assignedSeats ? formatNumber(r.assignedSeats) : t("billing.unlimited")),
              sortValue: (r) => r.assignedSeats ?? Number.MAX_SAFE_INTEGER },
            { key: "days", header: t("billing.days"), cell: (r) => r.daysRecorded, sortValue: (r) => r.daysRecorded },
          ]}
          menu={(r) => [{ label: t("billing.setExternalId"), onAction: () => setEditing(r) }]} />
      )}
      {token && <Button type="button" className="secondary" disabled={busy} onClick={() => void load(token)}>{t("billing.loadMore")}</Button>}
      <Dialog title={editing ? t("billing.externalIdTitle", { name: editing.clientName }) : t("billing.setExternalId")} open={editing !== null}
        onClose={() => setEditing(null)}>
        {editing && <ExternalIdForm providerId={providerId} usage={editing} onClose={() => setEditing(null)} onSaved={(externalId) => {
          setRows((prev) => prev?.map((r) => (r.organizationId === editing.organizationId ? { ...r, externalId } : r)) ?? null);
          setEditing(null);
          toast(t("billing.saved"));
        }} />}
      </Dialog>
    </div>
  );
}

function ExternalIdForm({ providerId, usage, onClose, onSaved }: { providerId: string; usage: ClientUsage; onClose: () => void;
  onSaved: (externalId: string | null) => void }) {
  const [value, setValue] = useState(usage.externalId ?? "");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const externalId = value.trim() || null;
    await setExternalId(providerId, usage.organizationId, externalId);
    onSaved(externalId);
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("billing.externalId")} value={value} onChange={setValue} maxLength={100} description={t("billing.externalIdHint")} optional data-autofocus />
      <SubmitRow label={t("ops.save")} busyLabel={t("ops.saving")} busy={busy} error={error} onCancel={onClose} />
    </form>
  );
}
