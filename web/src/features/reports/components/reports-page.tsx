import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { useAsync } from "../../../lib/use-async";
import { loadReportItems } from "../api/reports-api";
import { inactiveTwoStep, reusedPasswords, unsecuredWebsites, weakPasswords, type ReportItem, type ReportRow } from "../api/report-logic";
import { t } from "../../../lib/i18n/messages";

const REPORTS: { title: string; run: (items: ReportItem[]) => ReportRow[] }[] = [
  { title: t("reports.weak"), run: weakPasswords },
  { title: t("reports.reused"), run: reusedPasswords },
  { title: t("reports.unsecured"), run: unsecuredWebsites },
  { title: t("reports.inactiveTwoStep"), run: inactiveTwoStep },
];

function Report({ title, rows }: { title: string; rows: ReportRow[] }) {
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p>{t("reports.none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr><th scope="col">{t("vault.column.name")}</th><th scope="col">{t("item.username")}</th><th scope="col">{t("reports.detail")}</th></tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.item.id}><td>{row.item.name}</td><td>{row.item.username ?? ""}</td><td>{row.detail}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Vault health reports over the organization's items, computed in the browser. */
export function ReportsPage({ organizationId }: { organizationId: string }) {
  const { data, error, loading } = useAsync(() => loadReportItems(organizationId), [organizationId]);
  return (
    <>
      <PageHeader title={t("console.reports")} />
      <ErrorMessage message={error} />
      {loading && <Loading />}
      {data && REPORTS.map((r) => <Report key={r.title} title={r.title} rows={r.run(data)} />)}
    </>
  );
}
