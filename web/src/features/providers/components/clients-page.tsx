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
  { value: "name", label: "Name (A to Z)" },
  { value: "-name", label: "Name (Z to A)" },
  { value: "-created", label: "Newest client first" },
  { value: "created", label: "Oldest client first" },
  { value: "members", label: "Most members" },
];

function formatDate(iso: string): string {
  return Number.isNaN(new Date(iso).getTime()) ? iso : formatLocalDate(iso);
}

function seatsText(c: ProviderClient): string {
  return c.seats == null ? `${c.occupiedSeats} (no limit)` : `${c.occupiedSeats} / ${c.seats}`;
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
    const t = setTimeout(() => {
      setSearch(searchInput);
      firstPage();
    }, 250);
    return () => clearTimeout(t);
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
      <PageHeader title="Clients">
        {/* Any provider user may onboard a client; adding an existing org is a provider admin's call. */}
        <Button type="button" onClick={() => setDialog("new")}>New client</Button>
        {isAdmin && (
          <Button type="button" className="secondary" onClick={() => setDialog("existing")}>Add existing organization</Button>
        )}
      </PageHeader>
      <div className="portal-toolbar">
        <TextField label="Search clients" type="search" value={searchInput} onChange={setSearchInput} />
        <SelectField label="Sort by" value={sort} options={sortOptions}
          onChange={(v) => { setSort(v as ClientSort); firstPage(); }} />
      </div>
      <ErrorMessage message={clients.error} />
      {clients.loading && <Loading label="Loading clients…" />}
      {!clients.loading && !clients.error && rows.length === 0 && (search ? <p>No client matches your search.</p> : (
        <EmptyState title="No clients yet">
          Choose New client to create an organization for a customer: you name its owner, who gets an invitation by
          mail, and your technicians administer it from here without being its members.
        </EmptyState>
      ))}
      {rows.length > 0 && (
        <DataTable label="Clients" rows={rows} rowKey={(c) => c.id} rowLabel={(c) => c.organizationName}
          columns={[
            { key: "name", header: "Name", wrap: true, cell: (c) => <>{c.organizationName}{!c.enabled && " (disabled)"}</> },
            { key: "plan", header: "Plan", cell: (c) => c.plan },
            { key: "seats", header: "Seats used", cell: seatsText },
            { key: "created", header: "Client since", cell: (c) => formatDate(c.creationDate) },
          ]}
          actions={(c) => (
            <>
              <Link className="button secondary small" to={`/organizations/${c.organizationId}`} aria-label={`Open ${c.organizationName}`}>
                Open
              </Link>
              <Button type="button" className="secondary small" aria-label={`Edit ${c.organizationName}`} onClick={() => setEditing(c)}>
                Edit
              </Button>
              {isAdmin && (
                <Button type="button" className="secondary small" aria-label={`Unlink ${c.organizationName}`} onClick={() => setUnlinking(c)}>
                  Unlink
                </Button>
              )}
            </>
          )} />
      )}
      {(page > 1 || clients.data?.continuationToken) && (
        <nav className="portal-pager" aria-label="Client pages">
          <Button type="button" className="secondary" disabled={page <= 1 || clients.loading} onClick={() => setStarts(starts.slice(0, -1))}>Previous page</Button>
          <span>Page {page}</span>
          <Button type="button" className="secondary" disabled={!clients.data?.continuationToken || clients.loading}
            onClick={() => setStarts([...starts, clients.data?.continuationToken ?? null])}>Next page</Button>
        </nav>
      )}
      <NewClientDialog open={dialog === "new"} providerId={providerId} onClose={() => setDialog(null)} onCreated={done} />
      <AddExistingDialog open={dialog === "existing"} providerId={providerId} onClose={() => setDialog(null)} onAdded={done} />
      <EditClientDialog client={editing} providerId={providerId} onClose={() => setEditing(null)} onSaved={done} />
      <UnlinkClientDialog client={unlinking} providerId={providerId} onClose={() => setUnlinking(null)} onUnlinked={done} />
    </div>
  );
}
