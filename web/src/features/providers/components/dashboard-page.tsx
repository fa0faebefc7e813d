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
import { formatDate, formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { apiClient } from "../../../lib/session";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { loadDashboard, type DashboardFilter, type DashboardSort } from "../api/dashboard-api";
import { seatsText } from "./clients-page";
import { useProvider } from "./use-provider";

const pageSize = 50;

const sortOptions: { value: DashboardSort; label: string }[] = [
  { value: "name", label: t("portal.sort.nameAsc") },
  { value: "-name", label: t("portal.sort.nameDesc") },
  { value: "seats", label: t("portal.dashboard.sortSeats") },
  { value: "pending", label: t("portal.dashboard.sortPending") },
  { value: "twoStep", label: t("portal.dashboard.sortTwoStep") },
  { value: "activity", label: t("portal.dashboard.sortActivity") },
];

const filterOptions: { value: DashboardFilter; label: string }[] = [
  { value: "", label: t("bulk.allClients") },
  { value: "pending", label: t("portal.dashboard.filterPending") },
  { value: "twoStep", label: t("portal.dashboard.filterTwoStep") },
  { value: "overSeats", label: t("portal.dashboard.filterOverSeats") },
  { value: "disabled", label: t("portal.dashboard.filterDisabled") },
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
    const timer = setTimeout(() => { setSearch(searchInput); setPage(1); }, 250);
    return () => clearTimeout(timer);
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
    if (!security) return t("portal.dashboard.notChecked");
    if (!s) return t("portal.dashboard.noItems");
    const counts = { weak: formatNumber(s.weak), reused: formatNumber(s.reused), unsecured: formatNumber(s.unsecured) };
    return s.exposed === null ? t("portal.dashboard.findings", counts) : t("portal.dashboard.findingsExposed", { ...counts, exposed: formatNumber(s.exposed) });
  };

  return (
    <div>
      <PageHeader title={t("portal.dashboard.title")}>
        <Button type="button" className="secondary" disabled={scan.busy} onClick={runScan}>
          {scan.busy ? t("portal.dashboard.checking") : t("portal.dashboard.check")}
        </Button>
      </PageHeader>
      <p>{t(allowed.data ? "portal.dashboard.noteExposed" : "portal.dashboard.note")}</p>
      <ErrorMessage message={scan.error} />
      <div className="portal-toolbar">
        <TextField label={t("portal.searchClients")} type="search" value={searchInput} onChange={setSearchInput} />
        <SelectField label={t("portal.sortBy")} value={sort} options={sortOptions} onChange={(v) => { setSort(v as DashboardSort); setPage(1); }} />
        <SelectField label={t("portal.show")} value={filter} options={filterOptions} onChange={(v) => { setFilter(v as DashboardFilter); setPage(1); }} />
      </div>
      <ErrorMessage message={clients.error} />
      {clients.loading && <Loading label={t("portal.loadingClients")} />}
      {!clients.loading && !clients.error && rows.length === 0 && (
        <EmptyState title={t("portal.dashboard.empty")}>{t("portal.dashboard.emptyBody")}</EmptyState>
      )}
      {rows.length > 0 && (
        <DataTable label={t("portal.dashboard.table")} rows={rows} rowKey={(c) => c.organizationId} rowLabel={(c) => c.name}
          columns={[
            { key: "name", header: t("portal.column.client"), wrap: true, cell: (c) => (c.enabled ? c.name : t("portal.nameDisabled", { name: c.name })) },
            { key: "seats", header: t("portal.column.seatsUsed"), cell: seatsText },
            { key: "pendingAcceptance", header: t("portal.dashboard.pendingAcceptance"), cell: (c) => c.pendingAcceptance },
            { key: "pendingConfirmation", header: t("portal.dashboard.pendingConfirmation"), cell: (c) => c.pendingConfirmation },
            { key: "withoutTwoStep", header: t("portal.dashboard.withoutTwoStep"), cell: (c) => c.withoutTwoStep },
            { key: "policies", header: t("portal.dashboard.policies"), cell: (c) => c.policiesEnabled },
            { key: "activity", header: t("portal.dashboard.lastActivity"), cell: (c) => (c.lastActivity ? formatDate(c.lastActivity) : t("portal.dashboard.noActivity")) },
            { key: "security", header: t("portal.dashboard.security"), wrap: true, cell: (c) => securityText(c.organizationId) },
          ]}
          actions={(c) => (
            <Link className="button secondary small" to={`/organizations/${c.organizationId}`} aria-label={t("portal.openNamed", { name: c.name })}>
              {t("portal.open")}
            </Link>
          )} />
      )}
      {(page > 1 || clients.data?.continuationToken) && (
        <nav className="portal-pager" aria-label={t("portal.dashboard.pages")}>
          <Button type="button" className="secondary" disabled={page <= 1 || clients.loading} onClick={() => setPage(page - 1)}>{t("portal.previousPage")}</Button>
          <span>{t("portal.page", { page })}</span>
          <Button type="button" className="secondary" disabled={!clients.data?.continuationToken || clients.loading} onClick={() => setPage(page + 1)}>
            {t("portal.nextPage")}
          </Button>
        </nav>
      )}
    </div>
  );
}
