import { useRef, useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { encrypt } from "../../../lib/crypto/enc-string";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import {
  BulkKind, driveJob, exportEntries, getJob, ItemStatus, jobItems, listJobs, listTags, listTemplates, retryJob, startJob, type BulkItem, type BulkJob,
} from "../api/client-bulk-api";
import { ClientSelectionFields, emptySelection, selectionReady, toSelection, type SelectionState } from "./client-selection-fields";
import { useProvider } from "./use-provider";

const actions = (["policy", "policy-off", "seats", "disable", "enable", "template", "collection", "export"] as const)
  .map((value) => ({ value, label: t(`bulk.action.${value}`) }));
const policies = (["0", "1", "3", "6", "10"] as const).map((value) => ({ value, label: t(`bulk.policy.${value}`) }));
const kindLabels: Record<number, string> = {
  0: t("bulk.kind.0"), 1: t("bulk.kind.1"), 2: t("bulk.kind.2"), 10: t("bulk.kind.10"), 11: t("bulk.kind.11"), 12: t("bulk.kind.12"),
};
const statusLabels: Record<number, string> = { 0: t("bulk.status.0"), 1: t("bulk.status.1"), 2: t("bulk.status.2"), 3: t("bulk.status.3") };
const kindLabel = (kind: number) => kindLabels[kind] ?? String(kind);
const statusLabel = (status: number) => statusLabels[status] ?? String(status);

/** Bulk actions across clients: choose the clients and the action, watch per-client progress, resume or retry. */
export function BulkJobsPage() {
  const { providerId, key, isAdmin } = useProvider();
  const tags = useAsync(() => listTags(providerId), [providerId]);
  const templates = useAsync(() => listTemplates(providerId), [providerId]);
  const [refresh, setRefresh] = useState(0);
  const jobs = useAsync(() => listJobs(providerId), [providerId, refresh]);
  const [selection, setSelection] = useState<SelectionState>(emptySelection);
  const [action, setAction] = useState<string>("policy");
  const [policy, setPolicy] = useState("0");
  const [value, setValue] = useState("");
  const [job, setJob] = useState<BulkJob | null>(null);
  const stop = useRef<AbortController | null>(null);
  const { busy, error, handle } = useSubmit();

  const run = async (started: BulkJob) => {
    setJob(started);
    stop.current = new AbortController();
    const finished = await driveJob(providerId, started, key, setJob, stop.current.signal, templates.data ?? []);
    setJob(finished);
    if (finished.kind === BulkKind.Export && finished.done) downloadExport(finished);
    setRefresh((n) => n + 1);
  };

  const start = handle(async () => {
    const parameters: Record<string, unknown> =
      action === "policy" || action === "policy-off" ? { policy: { type: Number(policy), enabled: action === "policy", data: policy === "1" && value ? { minLength: Number(value) } : null } }
        : action === "seats" ? { seats: Number(value) }
          : action === "enable" || action === "disable" ? { enabled: action === "enable" }
            : action === "template" ? { templateId: value }
              : action === "collection" ? { collectionName: key ? await encrypt(value.trim(), key) : "" } : {};
    const kind = action.startsWith("policy") ? BulkKind.Policy : action === "seats" ? BulkKind.Seats : action === "template" ? BulkKind.Template
      : action === "collection" ? BulkKind.AddCollection : action === "export" ? BulkKind.Export : BulkKind.Enable;
    await run(await startJob(providerId, kind, toSelection(selection), parameters));
  });

  return (
    <div>
      <PageHeader title={t("bulk.title")} />
      {!isAdmin && <p>{t("bulk.adminsOnly")}</p>}
      {isAdmin && (
        <form className="panel portal-form" onSubmit={start} noValidate>
          <ClientSelectionFields value={selection} onChange={setSelection} tags={tags.data ?? []} />
          <SelectField label={t("bulk.action")} value={action} onChange={(a) => { setAction(a); setValue(""); }} options={actions} />
          {action.startsWith("policy") && <SelectField label={t("bulk.policy")} value={policy} onChange={setPolicy} options={policies} />}
          {action === "policy" && policy === "1" && <TextField label={t("bulk.minLength")} type="number" value={value} onChange={setValue} />}
          {action === "seats" && <TextField label={t("bulk.seats")} type="number" value={value} onChange={setValue} />}
          {action === "collection" && <TextField label={t("bulk.collectionName")} value={value} onChange={setValue} />}
          {action === "template" && (
            <SelectField label={t("bulk.template")} value={value} onChange={setValue}
              options={[{ value: "", label: t("bulk.chooseTemplate") }, ...(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
          )}
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !selectionReady(selection) || (["seats", "collection", "template"].includes(action) && !value.trim())}>
            {busy ? t("bulk.working") : t("bulk.start")}
          </Button>
        </form>
      )}
      {job && <JobProgress providerId={providerId} job={job} busy={busy} onResume={isAdmin ? handle(async () => run(job)) : undefined}
        onRetry={isAdmin ? handle(async () => run(await retryJob(providerId, job.id))) : undefined} onStop={() => stop.current?.abort()} />}
      <h2>{t("bulk.recent")}</h2>
      <ErrorMessage message={jobs.error} />
      <DataTable label={t("bulk.recent")} rows={jobs.data ?? []} rowKey={(j) => j.id}
        columns={[
          { key: "kind", header: t("bulk.action"), cell: (j) => kindLabel(j.kind) },
          { key: "when", header: t("bulk.column.started"), cell: (j) => formatDateTime(j.creationDate) },
          { key: "progress", header: t("bulk.progress"), cell: (j) => t(j.failed ? "bulk.countedFailed" : "bulk.counted",
            { finished: j.succeeded + j.failed, total: j.total, failed: j.failed }) },
        ]}
        actions={(j) => <Button type="button" className="secondary" onClick={() => void getJob(providerId, j.id).then(setJob)}>{t("bulk.open")}</Button>} />
    </div>
  );
}

function downloadExport(job: BulkJob) {
  const clients = [...exportEntries].filter(([k]) => k.startsWith(`${job.id}/`)).map(([, v]) => v);
  const blob = new Blob([JSON.stringify({ jobId: job.id, encrypted: true, clients }, null, 2)], { type: "application/json" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `clients-export-${job.id}.json`;
  a.click();
}

function JobProgress({ providerId, job, busy, onResume, onRetry, onStop }: {
  providerId: string; job: BulkJob; busy: boolean; onResume?: () => void; onRetry?: () => void; onStop: () => void;
}) {
  const [status, setStatus] = useState<number | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const finished = job.succeeded + job.failed;
  const items = useAsync(() => jobItems(providerId, job.id, status, after), [providerId, job.id, status, after, finished]);
  return (
    <section className="panel" aria-label={t("bulk.progress")}>
      <h2>{t("bulk.heading", { kind: kindLabel(job.kind), finished, total: job.total })}</h2>
      <progress aria-label={t("bulk.progress")} max={job.total} value={finished} />
      <p role="status">
        {t(job.done ? "bulk.finished" : "bulk.running", { succeeded: job.succeeded, failed: job.failed, remaining: job.pending + job.running })}
      </p>
      <div className="portal-actions">
        {busy && <Button type="button" className="secondary" onClick={onStop}>{t("bulk.pause")}</Button>}
        {!busy && !job.done && onResume && <Button type="button" onClick={onResume}>{t("bulk.resume")}</Button>}
        {!busy && job.failed > 0 && onRetry && <Button type="button" onClick={onRetry}>{t("bulk.retryFailed")}</Button>}
      </div>
      <SelectField label={t("bulk.show")} value={status === null ? "" : String(status)} onChange={(v) => { setAfter(null); setStatus(v === "" ? null : Number(v)); }}
        options={[{ value: "", label: t("bulk.allClients") }, ...[ItemStatus.Failed, ItemStatus.Succeeded, ItemStatus.Pending]
          .map((s) => ({ value: String(s), label: statusLabel(s) }))]} />
      <DataTable<BulkItem> label={t("bulk.results")} rows={items.data?.data ?? []} rowKey={(i) => i.organizationId}
        columns={[
          { key: "client", header: t("bulk.column.client"), cell: (i) => i.organizationName },
          { key: "status", header: t("bulk.column.result"), cell: (i) => statusLabel(i.status) },
          { key: "error", header: t("bulk.column.why"), cell: (i) => i.error ?? "", wrap: true },
        ]} />
      {items.data?.continuationToken && <Button type="button" className="secondary" onClick={() => setAfter(items.data!.continuationToken)}>{t("portal.nextPage")}</Button>}
    </section>
  );
}
