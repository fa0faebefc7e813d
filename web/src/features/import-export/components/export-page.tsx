import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { orgKey } from "../../../lib/profile";
import { currentAccount } from "../../../lib/session";
import { saveFile } from "../../../lib/save-file";
import { useSubmit } from "../../../lib/use-submit";
import { exportOrganization, verifyMasterPassword, type ExportFormat } from "../api/export-api";
import { t } from "../../../lib/i18n/messages";

const formats = [
  { value: "json", label: ".json" },
  { value: "csv", label: t("export.csv") },
  { value: "encrypted_json", label: t("export.encryptedJson") },
];

export function ExportPage({ orgId }: { orgId: string }) {
  const [format, setFormat] = useState<ExportFormat>("json");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();
  const run = handle(async () => {
    const account = currentAccount();
    if (!account) throw new Error(t("export.logInAgain"));
    await verifyMasterPassword(account, password);
    const key = await orgKey(orgId);
    if (!key) throw new Error(t("console.noOrgKey"));
    const text = await exportOrganization(orgId, key, format);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "");
    const name = `custodian_org_export_${stamp}.${format === "csv" ? "csv" : "json"}`;
    saveFile(text, name, format === "csv" ? "text/csv" : "application/json");
    setPassword("");
    setDone(t("export.done", { name }));
  });
  return (
    <section>
      <PageHeader title={t("console.export")} />
      <form className="panel portal-form" onSubmit={run} noValidate>
        <p>{t("export.warning")}</p>
        <SelectField label={t("console.fileFormat")} value={format} onChange={(f) => setFormat(f as ExportFormat)} options={formats} />
        <TextField label={t("login.password")} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <ErrorMessage message={error} />
        {done && <p role="status">{done}</p>}
        <div><Button type="submit" disabled={busy || !password} disabledReason={!busy && !password ? t("export.needsPassword") : null}>{busy ? t("export.exporting") : t("export.submit")}</Button></div>
      </form>
    </section>
  );
}
