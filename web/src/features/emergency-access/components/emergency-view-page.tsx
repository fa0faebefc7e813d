import { Link, useParams, useSearchParams } from "react-router";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { viewVault } from "../api/emergency-access-api";

/** The grantor's items, read-only, decrypted in this browser with the grantor's key the grantee's private key opens. */
export function EmergencyViewPage() {
  const { id = "" } = useParams();
  const [q] = useSearchParams();
  const items = useAsync(() => viewVault(id), [id]);
  const name = q.get("name") ?? "";
  return (
    <div className="stack">
      <PageHeader title={t("emergency.viewTitle", { name })} />
      <Link to="/settings/emergency-access">{t("emergency.back")}</Link>
      <ErrorMessage message={items.error} />
      {items.loading ? <Loading /> : (items.data ?? []).length === 0 ? <EmptyState title={t("emergency.noItems")} /> : (
        <DataTable label={t("emergency.viewTitle", { name })} rows={items.data ?? []} rowKey={(c) => c.id ?? ""} rowLabel={(c) => c.name}
          columns={[
            { key: "name", header: t("emergency.itemName"), cell: (c) => c.name, sortValue: (c) => c.name },
            { key: "username", header: t("emergency.itemUsername"), cell: (c) => c.login.username ?? "" },
          ]} />
      )}
    </div>
  );
}
