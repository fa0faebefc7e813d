import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { verifyAdminToken } from "../api/admin-api";
import { setAdminToken, useAdminToken } from "../api/admin-token";
import { AdminOrganizations } from "./admin-organizations";
import { AdminProviders } from "./admin-providers";

/** The system administrator's page: no user login, the server's Admin__Token instead (kept in memory only). */
export function AdminPage() {
  const token = useAdminToken();
  return (
    <div>
      <PageHeader title={t("admin.title")}>
        {token && <Button type="button" className="secondary" onClick={() => setAdminToken(null)}>{t("admin.forgetToken")}</Button>}
      </PageHeader>
      {token ? (
        <div className="admin-sections">
          <AdminProviders />
          <AdminOrganizations />
        </div>
      ) : (
        <AdminTokenForm />
      )}
    </div>
  );
}

/** The token is tried at once, so a wrong one is reported here rather than on every list. */
function AdminTokenForm() {
  const [value, setValue] = useState("");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await verifyAdminToken(value);
    setAdminToken(value);
  });
  return (
    <form className="panel portal-form portal-narrow" onSubmit={submit}>
      <p>{t("admin.token.intro")}</p>
      <TextField label={t("admin.token.label")} type="password" autoComplete="off" value={value} onChange={setValue} required />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !value} disabledReason={!busy && !value ? t("admin.token.needed") : null}>{busy ? t("admin.token.checking") : t("admin.token.continue")}</Button>
    </form>
  );
}
