import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { listAdminOrganizations } from "../api/admin-api";

/** Every organization on the server, with its plan, seats and whether a provider administers it. */
export function AdminOrganizations() {
  const orgs = useAsync(listAdminOrganizations, []);
  const rows = orgs.data ?? [];
  return (
    <section aria-labelledby="admin-organizations">
      <h2 id="admin-organizations">{t("admin.orgs.title")}</h2>
      <ErrorMessage message={orgs.error} />
      {orgs.loading && <Loading label={t("admin.orgs.loading")} />}
      {!orgs.loading && rows.length === 0 && !orgs.error && <p>{t("admin.orgs.empty")}</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.orgs.name")}</th><th scope="col">{t("admin.orgs.plan")}</th>
              <th scope="col">{t("admin.orgs.seatsUsed")}</th><th scope="col">{t("admin.orgs.status")}</th>
              <th scope="col">{t("admin.orgs.providerClient")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.plan}</td>
                <td>{o.seats == null
                  ? t("admin.orgs.seatsNoLimit", { used: formatNumber(o.occupiedSeats) })
                  : t("admin.orgs.seatsOf", { used: formatNumber(o.occupiedSeats), seats: formatNumber(o.seats) })}</td>
                <td>{o.enabled ? t("admin.orgs.enabled") : t("admin.orgs.disabled")}</td>
                <td>{o.providerId ? t("admin.yes") : t("admin.no")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
