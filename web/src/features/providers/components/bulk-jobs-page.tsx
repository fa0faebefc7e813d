import { useRef, useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { encrypt } from "../../../lib/crypto/enc-string";
import { t } from "../../../lib/i18n/messages";
import { orgKey } from "../../../lib/profile";
import { saveFile } from "../../../lib/save-file";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import {
  BulkKind, driveJob, finishExport, getJob, ItemStatus, jobItems, listJobs, listTags, listTemplates, retryJob, startJob, type BulkItem, type BulkJob,
} from "../api/client-bulk-api";
import { ClientSelectionFields, emptySelection, selectionReady, toSelection, type SelectionState } from "./client-selection-fields";
import { useProvider } from "./use-provider";

const actions = [
  { value: "policy", label: "Turn a policy on" }, { value: "policy-off", label: "Turn a policy off" }, { value: "seats", label: "Set seats" },
  { value: "disable", label: "Disable clients" }, { value: "enable", label: "Enable clients" }, { value: "template", label: "Apply a template" },
  { value: "collection", label: "Add a collection" }, { value: "export", label: "Export (encrypted)" },
] as const;
const policies = [
  { value: "0", label: "Require two-step login" }, { value: "1", label: "Master password requirements" }, { value: "3", label: "Single organization" },
  { value: "6", label: "Remove Send" }, { value: "10", label: "Remove individual vault export" },
];
const kindLabel: Record<number, string> = { 0: "Policy", 1: "Seats", 2: "Enable/disable", 10: "Template", 11: "Add collection", 12: "Export" };
const statusLabel: Record<number, string> = { 0: "Pending", 1: "Running", 2: "Done", 3: "Failed" };

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
    if (finished.kind === BulkKind.Export && finished.done) await downloadArchive(finished);
    setRefresh((n) => n + 1);
  };

  // Also offered on a finished export job opened later: the clients this tab did not export are fetched again.
  const downloadArchive = async (j: BulkJob) => saveFile(await finishExport(providerId, j, orgKey), `clients-export-${j.id}.zip`);

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
      {!isAdmin && <p>Only provider admins start bulk actions; you can follow their progress here.</p>}
      {isAdmin && (
        <form className="panel portal-form" onSubmit={start} noValidate>
          <ClientSelectionFields value={selection} onChange={setSelection} tags={tags.data ?? []} />
          <SelectField label={t("bulk.action")} value={action} onChange={(a) => { setAction(a); setValue(""); }} options={actions} />
          {action.startsWith("policy") && <SelectField label="Policy" value={policy} onChange={setPolicy} options={policies} />}
          {action === "policy" && policy === "1" && <TextField label="Minimum length" type="number" value={value} onChange={setValue} />}
          {action === "seats" && <TextField label="Seats (0: no limit)" type="number" value={value} onChange={setValue} />}
          {action === "collection" && <TextField label="Collection name" value={value} onChange={setValue} />}
          {action === "template" && (
            <SelectField label="Template" value={value} onChange={setValue}
              options={[{ value: "", label: "Choose a template" }, ...(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
          )}
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !selectionReady(selection) || (["seats", "collection", "template"].includes(action) && !value.trim())}>
            {busy ? "Working…" : t("bulk.start")}
          </Button>
        </form>
      )}
      {job && <JobProgress providerId={providerId} job={job} busy={busy} onResume={isAdmin ? handle(async () => run(job)) : undefined}
        onRetry={isAdmin ? handle(async () => run(await retryJob(providerId, job.id))) : undefined} onStop={() => stop.current?.abort()}
        onDownload={job.kind === BulkKind.Export && job.done && job.succeeded > 0 ? handle(async () => downloadArchive(job)) : undefined} />}
      <h2>{t("bulk.recent")}</h2>
      <ErrorMessage message={jobs.error} />
      <DataTable label={t("bulk.recent")} rows={jobs.data ?? []} rowKey={(j) => j.id}
        columns={[
          { key: "kind", header: "Action", cell: (j) => kindLabel[j.kind] ?? j.kind },
          { key: "when", header: "Started", cell: (j) => new Date(j.creationDate).toLocaleString() },
          { key: "progress", header: "Progress", cell: (j) => `${j.succeeded + j.failed} of ${j.total}${j.failed ? `, ${j.failed} failed` : ""}` },
        ]}
        actions={(j) => <Button type="button" className="secondary" onClick={() => void getJob(providerId, j.id).then(setJob)}>Open</Button>} />
    </div>
  );
}

function JobProgress({ providerId, job, busy, onResume, onRetry, onStop, onDownload }: {
  providerId: string; job: BulkJob; busy: boolean; onResume?: () => void; onRetry?: () => void; onStop: () => void; onDownload?: () => void;
}) {
  const [status, setStatus] = useState<number | null>(null);
  const [after, setAfter] = useState<string | null>(null);
  const finished = job.succeeded + job.failed;
  const items = useAsync(() => jobItems(providerId, job.id, status, after), [providerId, job.id, status, after, finished]);
  return (
    <section className="panel" aria-label={t("bulk.progress")}>
      <h2>{kindLabel[job.kind]}: {finished} of {job.total}</h2>
      <progress aria-label={t("bulk.progress")} max={job.total} value={finished} />
      <p role="status">{job.done ? `Finished: ${job.succeeded} done, ${job.failed} failed.` : `${job.succeeded} done, ${job.failed} failed, ${job.pending + job.running} to go.`}</p>
      <div className="portal-actions">
        {busy && <Button type="button" className="secondary" onClick={onStop}>Pause</Button>}
        {!busy && !job.done && onResume && <Button type="button" onClick={onResume}>{t("bulk.resume")}</Button>}
        {!busy && job.failed > 0 && onRetry && <Button type="button" onClick={onRetry}>{t("bulk.retryFailed")}</Button>}
        {!busy && onDownload && <Button type="button" className="secondary" onClick={onDownload}>{t("bulk.downloadArchive")}</Button>}
      </div>
      <SelectField label="Show" value={status === null ? "" : String(status)} onChange={(v) => { setAfter(null); setStatus(v === "" ? null : Number(v)); }}
        options={[{ value: "", label: "All clients" }, { value: String(ItemStatus.Failed), label: "Failed" }, { value: String(ItemStatus.Succeeded), label: "Done" },
          { value: String(ItemStatus.Pending), label: "Pending" }]} />
      <DataTable<BulkItem> label={t("bulk.results")} rows={items.data?.data ?? []} rowKey={(i) => i.organizationId}
        columns={[
          { key: "client", header: "Client", cell: (i) => i.organizationName },
          { key: "status", header: "Result", cell: (i) => statusLabel[i.status] },
          { key: "error", header: "Why", cell: (i) => i.error ?? "", wrap: true },
        ]} />
      {items.data?.continuationToken && <Button type="button" className="secondary" onClick={() => setAfter(items.data!.continuationToken)}>Next page</Button>}
    </section>
  );
}
