import { useEffect, useState } from "react";
import { Link } from "react-router";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { formatDate } from "../../../lib/i18n/format";
import { apiClient } from "../../../lib/session";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { loadDashboard, type DashboardFilter, type DashboardSort } from "../api/dashboard-api";
import { useProvider } from "./use-provider";

const pageSize = 50;

const sortOptions: { value: DashboardSort; label: string }[] = [
  { value: "name", label: "Name (A to Z)" },
  { value: "-name", label: "Name (Z to A)" },
  { value: "seats", label: "Most seats used" },
  { value: "pending", label: "Most members pending" },
  { value: "twoStep", label: "Most members without two-step login" },
  { value: "activity", label: "Most recent activity" },
];

const filterOptions: { value: DashboardFilter; label: string }[] = [
  { value: "", label: "All clients" },
  { value: "pending", label: "Members pending" },
  { value: "twoStep", label: "Members without two-step login" },
  { value: "overSeats", label: "All seats used" },
  { value: "disabled", label: "Disabled" },
];

/** The operator's flag in /api/config: whether browsers may ask Have I Been Pwned's range API. */
async function exposedChecksAllowed(): Promise<boolean> {
  const config = await apiClient.get<{ featureStates?: Record<string, unknown> }>("/api/config");
  return config.featureStates?.["custodian-exposed-password-checks"] === true;
}

/** One client's item findings, computed in the browser (app/ supplies the loader: it reads the vault and the reports' rules). */
export interface ClientSecurity {
  organizationId: string;
  weak: number;
  reused: number;
  unsecured: number;
  exposed: number | null;
}

/** Every client at a glance: figures counted by the server a page at a time, and a security view computed in the browser. */
export function DashboardPage({ loadSecurity }: { loadSecurity: (checkExposed: boolean) => Promise<ClientSecurity[]> }) {
  const { providerId } = useProvider();
  const [searchInput, setSearchInput] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<DashboardSort>("name");
  const [filter, setFilter] = useState<DashboardFilter>("");
  const [page, setPage] = useState(1);
  useEffect(() => {
    const t = setTimeout(() => { setSearch(searchInput); setPage(1); }, 250);
    return () => clearTimeout(t);
  }, [searchInput]);
  const clients = useAsync(() => loadDashboard(providerId, { search, sort, filter, page, pageSize }), [providerId, search, sort, filter, page]);
  const rows = clients.data?.data ?? [];
  const allowed = useAsync(exposedChecksAllowed, []);
  const [security, setSecurity] = useState<Map<string, ClientSecurity> | null>(null);
  const scan = useSubmit();
  const runScan = scan.handle(async () => {
    const view = await loadSecurity(allowed.data === true);
    setSecurity(new Map(view.map((c) => [c.organizationId, c])));
  });
  const securityText = (id: string) => {
    const s = security?.get(id);
    if (!security) return "Not checked";
    if (!s) return "No items carried";
    const parts = [`${s.weak} weak`, `${s.reused} reused`, `${s.unsecured} unsecured`];
    if (s.exposed !== null) parts.push(`${s.exposed} exposed`);
    return parts.join(", ");
  };

  return (
    <div>
      <PageHeader title="Dashboard">
        <Button type="button" className="secondary" disabled={scan.busy} onClick={runScan}>
          {scan.busy ? "Checking items…" : "Check item security"}
        </Button>
      </PageHeader>
      <p>
        Item security is computed in this browser over the client items you carry
        {allowed.data ? ", including exposed passwords by a k-anonymity range query to Have I Been Pwned" : ""}; the server never sees them.
      </p>
      <ErrorMessage message={scan.error} />
      <div className="portal-toolbar">
        <TextField label="Search clients" type="search" value={searchInput} onChange={setSearchInput} />
        <SelectField label="Sort by" value={sort} options={sortOptions} onChange={(v) => { setSort(v as DashboardSort); setPage(1); }} />
        <SelectField label="Show" value={filter} options={filterOptions} onChange={(v) => { setFilter(v as DashboardFilter); setPage(1); }} />
      </div>
      <ErrorMessage message={clients.error} />
      {clients.loading && <Loading label="Loading clients…" />}
      {!clients.loading && !clients.error && rows.length === 0 && (
        <EmptyState title="No clients to show">No client matches this search and filter.</EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable label="Client dashboard" rows={rows} rowKey={(c) => c.organizationId} rowLabel={(c) => c.name}
          columns={[
            { key: "name", header: "Client", wrap: true, cell: (c) => <>{c.name}{!c.enabled && " (disabled)"}</> },
            { key: "seats", header: "Seats used", cell: (c) => (c.seats == null ? `${c.occupiedSeats} (no limit)` : `${c.occupiedSeats} / ${c.seats}`) },
            { key: "pendingAcceptance", header: "Pending acceptance", cell: (c) => c.pendingAcceptance },
            { key: "pendingConfirmation", header: "Pending confirmation", cell: (c) => c.pendingConfirmation },
            { key: "withoutTwoStep", header: "Without two-step login", cell: (c) => c.withoutTwoStep },
            { key: "policies", header: "Policies on", cell: (c) => c.policiesEnabled },
            { key: "activity", header: "Last activity", cell: (c) => (c.lastActivity ? formatDate(c.lastActivity) : "None") },
            { key: "security", header: "Item security", wrap: true, cell: (c) => securityText(c.organizationId) },
          ]}
          actions={(c) => (
            <Link className="button secondary small" to={`/organizations/${c.organizationId}`} aria-label={`Open ${c.name}`}>Open</Link>
          )} />
      )}
      {(page > 1 || clients.data?.continuationToken) && (
        <nav className="portal-pager" aria-label="Dashboard pages">
          <Button type="button" className="secondary" disabled={page <= 1 || clients.loading} onClick={() => setPage(page - 1)}>Previous page</Button>
          <span>Page {page}</span>
          <Button type="button" className="secondary" disabled={!clients.data?.continuationToken || clients.loading} onClick={() => setPage(page + 1)}>
            Next page
          </Button>
        </nav>
      )}
    </div>
  );
}
