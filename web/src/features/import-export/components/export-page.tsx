import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { orgKey } from "../../../lib/profile";
import { currentAccount } from "../../../lib/session";
import { useSubmit } from "../../../lib/use-submit";
import { exportOrganization, verifyMasterPassword, type ExportFormat } from "../api/export-api";

const formats = [
  { value: "json", label: ".json" },
  { value: "csv", label: ".csv (logins and notes)" },
  { value: "encrypted_json", label: ".json (encrypted)" },
];

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

export function ExportPage({ orgId }: { orgId: string }) {
  const [format, setFormat] = useState<ExportFormat>("json");
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();
  const run = handle(async () => {
    const account = currentAccount();
    if (!account) throw new Error("Log in again to export.");
    await verifyMasterPassword(account, password);
    const key = await orgKey(orgId);
    if (!key) throw new Error("You do not hold this organization's key.");
    const text = await exportOrganization(orgId, key, format);
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "");
    const name = `custodian_org_export_${stamp}.${format === "csv" ? "csv" : "json"}`;
    download(text, name, format === "csv" ? "text/csv" : "application/json");
    setPassword("");
    setDone(`Exported to ${name}.`);
  });
  return (
    <section>
      <PageHeader title="Export" />
      <form className="panel portal-form" onSubmit={run} noValidate>
        <p>Unencrypted exports hold every password of this organization in plain text: keep the file safe and delete it after use.</p>
        <SelectField label="File format" value={format} onChange={(f) => setFormat(f as ExportFormat)} options={formats} />
        <TextField label="Master password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
        <ErrorMessage message={error} />
        {done && <p role="status">{done}</p>}
        <div><Button type="submit" disabled={busy || !password} disabledReason={!busy && !password ? "Enter your master password to export." : null}>{busy ? "Exporting…" : "Export vault"}</Button></div>
      </form>
    </section>
  );
}
