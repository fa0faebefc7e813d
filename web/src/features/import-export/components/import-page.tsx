import { useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { orgKey } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { importIntoOrganization } from "../api/import-api";
import { parseBitwardenCsv, parseBitwardenJson } from "../api/import-parse";
import { formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";

const formats = [
  { value: "bitwardenjson", label: t("import.format.bitwardenJson") },
  { value: "bitwardencsv", label: t("import.format.bitwardenCsv") },
];

/** Parses and encrypts in the browser; the server receives org-key EncStrings only. */
export function ImportPage({ orgId, userId }: { orgId: string; userId: string }) {
  const fileId = useId();
  const [format, setFormat] = useState("bitwardenjson");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [summary, setSummary] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();

  const run = handle(async () => {
    if (!file) throw new Error(t("import.chooseFile"));
    setSummary(null);
    const text = await file.text();
    const parsed = format === "bitwardencsv" ? parseBitwardenCsv(text) : parseBitwardenJson(text);
    setProblems(parsed.errors);
    if (parsed.items.length === 0) throw new Error(t("import.noItems"));
    const key = await orgKey(orgId);
    if (!key) throw new Error(t("console.noOrgKey"));
    const result = await importIntoOrganization(orgId, key, userId, parsed, (done, total) => setProgress({ done, total }));
    setSummary(t("import.done", { items: formatNumber(result.items), collections: formatNumber(result.collections) }));
  });

  return (
    <section>
      <PageHeader title={t("console.import")} />
      <form className="panel portal-form" onSubmit={run} noValidate>
        <SelectField label={t("console.fileFormat")} value={format} onChange={setFormat} options={formats} />
        <div className="field">
          <label htmlFor={fileId}>{t("import.file")}</label>
          <input id={fileId} type="file" accept=".json,.csv,text/csv,application/json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        {progress && (
          <div className="field">
            <label htmlFor={`${fileId}-progress`}>{t("import.progress")}</label>
            <progress id={`${fileId}-progress`} max={progress.total} value={progress.done}>{t("import.progressText", { done: formatNumber(progress.done), total: formatNumber(progress.total) })}</progress>
          </div>
        )}
        <ErrorMessage message={error} />
        {summary && <p role="status">{summary}</p>}
        {problems.length > 0 && (
          <div role="alert">
            <p>{t("import.skipped")}</p>
            <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          </div>
        )}
        <div><Button type="submit" disabled={busy || !file} disabledReason={!busy && !file ? t("import.chooseFile") : null}>{busy ? t("import.importing") : t("import.submit")}</Button></div>
      </form>
    </section>
  );
}
