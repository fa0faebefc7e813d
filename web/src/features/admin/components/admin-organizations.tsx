import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { useAsync } from "../../../lib/use-async";
import { listAdminOrganizations } from "../api/admin-api";

/** Every organization on the server, with its plan, seats and whether a provider administers it. */
export function AdminOrganizations() {
  const orgs = useAsync(listAdminOrganizations, []);
  const rows = orgs.data ?? [];
  return (
    <section aria-labelledby="admin-organizations">
      <h2 id="admin-organizations">Organizations</h2>
      <ErrorMessage message={orgs.error} />
      {orgs.loading && <Loading label="Loading organizations…" />}
      {!orgs.loading && rows.length === 0 && !orgs.error && <p>No organizations yet.</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Plan</th><th scope="col">Seats used</th><th scope="col">Status</th><th scope="col">Provider client</th></tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{o.plan}</td>
                <td>{o.seats == null ? `${o.occupiedSeats} (no limit)` : `${o.occupiedSeats} / ${o.seats}`}</td>
                <td>{o.enabled ? "Enabled" : "Disabled"}</td>
                <td>{o.providerId ? "Yes" : "No"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
