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
import { formatDate as formatLocalDate } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { listClients, type ClientSort } from "../api/provider-clients-api";
import type { ProviderClient } from "../api/provider-types";
import { AddExistingDialog } from "./add-existing-dialog";
import { EditClientDialog } from "./edit-client-dialog";
import { NewClientDialog } from "./new-client-dialog";
import { UnlinkClientDialog } from "./unlink-client-dialog";
import { useProvider } from "./use-provider";

const pageSize = 50;

const sortOptions: { value: ClientSort; label: string }[] = [
  { value: "name", label: t("portal.sort.nameAsc") },
  { value: "-name", label: t("portal.sort.nameDesc") },
  { value: "-created", label: t("portal.clients.sortNewest") },
  { value: "created", label: t("portal.clients.sortOldest") },
  { value: "members", label: t("portal.clients.sortMembers") },
];

function formatDate(iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatLocalDate(iso);
}

/** "3 / 10", or "3 (no limit)" for a client without a seat limit; the dashboard shows seats the same way. */
export function seatsText(c: { occupiedSeats: number; seats?: number | null }): string {
  return c.seats == null ? t("portal.seatsNoLimit", { used: c.occupiedSeats }) : t("portal.seatsOf", { used: c.occupiedSeats, seats: c.seats });
}

/** The provider's client organizations: search, sort and pages come from the server (a provider may have thousands). */
export function ClientsPage() {
  const { providerId, isAdmin } = useProvider();
  const [searchInput, setSearchInput] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<ClientSort>("name");
  // The continuationToken that starts each page shown so far: [null] is page 1, and Previous drops the last one.
  const [starts, setStarts] = useState<(string | null)[]>([null]);
  const page = starts.length;
  const firstPage = () => setStarts([null]);
  const [dialog, setDialog] = useState<"new" | "existing" | null>(null);
  const [unlinking, setUnlinking] = useState<ProviderClient | null>(null);
  const [editing, setEditing] = useState<ProviderClient | null>(null);

  // Typing settles for a moment before the server is asked.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(searchInput);
      firstPage();
    }, 250);
    return () => clearTimeout(timer);
  }, [searchInput]);

  const after = starts.at(-1) ?? null;
  const clients = useAsync(() => listClients(providerId, { search, sort, after, pageSize }), [providerId, search, sort, after, page]);
  const rows = clients.data?.data ?? [];
  const done = () => {
    setDialog(null);
    setUnlinking(null);
    setEditing(null);
    clients.reload();
  };

  return (
    <div>
      <PageHeader title={t("portal.clients.title")}>
        {/* Any provider user may onboard a client; adding an existing org is a provider admin's call. */}
        <Button type="button" onClick={() => setDialog("new")}>{t("portal.clients.new")}</Button>
        {isAdmin && (
          <Button type="button" className="secondary" onClick={() => setDialog("existing")}>{t("portal.clients.addExisting")}</Button>
        )}
      </PageHeader>
      <div className="portal-toolbar">
        <TextField label={t("portal.searchClients")} type="search" value={searchInput} onChange={setSearchInput} />
        <SelectField label={t("portal.sortBy")} value={sort} options={sortOptions}
          onChange={(v) => { setSort(v as ClientSort); firstPage(); }} />
      </div>
      <ErrorMessage message={clients.error} />
      {clients.loading && <Loading label={t("portal.loadingClients")} />}
      {!clients.loading && !clients.error && rows.length === 0 && (search ? <p>{t("portal.clients.noMatch")}</p> : (
        <EmptyState title={t("portal.clients.empty")}>{t("portal.clients.emptyBody")}</EmptyState>
      ))}
      {rows.length > 0 && (
        <DataTable label={t("portal.clients.table")} rows={rows} rowKey={(c) => c.id} rowLabel={(c) => c.organizationName}
          columns={[
            { key: "name", header: t("portal.clients.name"), wrap: true,
              cell: (c) => (c.enabled ? c.organizationName : t("portal.nameDisabled", { name: c.organizationName })) },
            { key: "plan", header: t("portal.clients.plan"), cell: (c) => c.plan },
            { key: "seats", header: t("portal.column.seatsUsed"), cell: seatsText },
            { key: "created", header: t("portal.clients.since"), cell: (c) => formatDate(c.creationDate) },
          ]}
          actions={(c) => (
            <>
              <Link className="button secondary small" to={`/organizations/${c.organizationId}`} aria-label={t("portal.openNamed", { name: c.organizationName })}>
                {t("portal.open")}
              </Link>
              <Button type="button" className="secondary small" aria-label={t("portal.editNamed", { name: c.organizationName })} onClick={() => setEditing(c)}>
                {t("portal.edit")}
              </Button>
              {isAdmin && (
                <Button type="button" className="secondary small" aria-label={t("portal.clients.unlinkNamed", { name: c.organizationName })} onClick={() => setUnlinking(c)}>
                  {t("portal.clients.unlink")}
                </Button>
              )}
            </>
          )} />
      )}
      {(page > 1 || clients.data?.continuationToken) && (
        <nav className="portal-pager" aria-label={t("portal.clients.pages")}>
          <Button type="button" className="secondary" disabled={page <= 1 || clients.loading} onClick={() => setStarts(starts.slice(0, -1))}>{t("portal.previousPage")}</Button>
          <span>{t("portal.page", { page })}</span>
          <Button type="button" className="secondary" disabled={!clients.data?.continuationToken || clients.loading}
            onClick={() => setStarts([...starts, clients.data?.continuationToken ?? null])}>{t("portal.nextPage")}</Button>
        </nav>
      )}
      <NewClientDialog open={dialog === "new"} providerId={providerId} onClose={() => setDialog(null)} onCreated={done} />
      <AddExistingDialog open={dialog === "existing"} providerId={providerId} onClose={() => setDialog(null)} onAdded={done} />
      <EditClientDialog client={editing} providerId={providerId} onClose={() => setEditing(null)} onSaved={done} />
      <UnlinkClientDialog client={unlinking} providerId={providerId} onClose={() => setUnlinking(null)} onUnlinked={done} />
    </div>
  );
}
