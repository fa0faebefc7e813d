import { formatNumber } from "../../../lib/i18n/format";
import { useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { toast } from "../../../components/ui/toast";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { changeAssignments, reachOfClient, reachOfTechnician, type Reach } from "../api/access-api";
import type { ProviderUserDetails } from "../api/provider-types";
import { TextField } from "../../../components/ui/text-field";
import { ClientChecklist, personLabel, TechnicianChecklist, technicianLabel, useFiltered, useProviderClients, useTechnicians,
  viaLabel, type ClientRef } from "./access-shared";
import { useProvider } from "./use-provider";

type View = "technician" | "client";

/** Which technicians carry which clients' items: by technician or by client, assigned and unassigned in bulk. */
export function AssignmentsPage() {
  const { providerId, isAdmin } = useProvider();
  return (
    <div>
      <PageHeader title={t("assignments.title")} />
      {isAdmin ? <Assignments providerId={providerId} /> : <p>{t("access.adminsOnly")}</p>}
    </div>
  );
}

function Assignments({ providerId }: { providerId: string }) {
  const [view, setView] = useState<View>("technician");
  const technicians = useTechnicians(providerId, true);
  const clients = useProviderClients(providerId);
  return (
    <>
      <div className="table-toolbar">
        <SelectField label={t("assignments.viewBy")} value={view} onChange={(v) => setView(v as View)}
          options={[{ value: "technician", label: t("assignments.byTechnician") }, { value: "client", label: t("assignments.byClient") }]} />
      </div>
      <ErrorMessage message={technicians.error} />
      {technicians.loading && <Loading />}
      {technicians.data && (view === "technician"
        ? <ByTechnician providerId={providerId} technicians={technicians.data} clients={clients} />
        : <ByClient providerId={providerId} technicians={technicians.data} clients={clients} />)}
    </>
  );
}

function ByTechnician({ providerId, technicians, clients }: { providerId: string; technicians: ProviderUserDetails[]; clients: ClientRef[] }) {
  const [id, setId] = useState("");
  const technician = technicians.find((u) => u.id === id);
  const reach = useAsync(async () => (id ? reachOfTechnician(providerId, id) : []), [providerId, id]);
  const [adding, setAdding] = useState(false);
  if (technicians.length === 0) return <p>{t("assignments.noTechnicians")}</p>;
  return (
    <>
      <SelectField label={t("access.technician")} value={id} onChange={setId}
        options={[{ value: "", label: "—" }, ...technicians.map((u) => ({ value: u.id, label: technicianLabel(u) }))]} />
      {!technician && <p>{t("assignments.pickTechnician")}</p>}
      {technician && (
        <ReachTable providerId={providerId} reach={reach} title={t("assignments.clientsOf", { name: technicianLabel(technician) })}
          rowName={(r) => r.organizationName} column={{ header: t("access.client"), cell: (r) => r.organizationName }}
          empty={t("assignments.noneForTechnician", { name: technicianLabel(technician) })}
          addLabel={t("assignments.assignClients")} onAdd={() => setAdding(true)} />
      )}
      {technician && (
        <Dialog title={t("assignments.assignTo", { name: technicianLabel(technician) })} open={adding} onClose={() => setAdding(false)}>
          <PickAndAssign label={t("assignments.assignClients")} onDone={() => (setAdding(false), reach.reload())}
            assign={(ids) => changeAssignments(providerId, [technician.id], ids, true)}
            picker={(selected, set) => <ClientChecklist clients={clients} selected={selected} onSelectedChange={set} label={t("assignments.assignClients")} />}
            onCancel={() => setAdding(false)} />
        </Dialog>
      )}
    </>
  );
}

function ByClient({ providerId, technicians, clients }: { providerId: string; technicians: ProviderUserDetails[]; clients: ClientRef[] }) {
  const { search, setSearch, shown } = useFiltered(clients, (c) => c.name);
  const [id, setId] = useState("");
  const client = clients.find((c) => c.id === id);
  const reach = useAsync(async () => (id ? reachOfClient(providerId, id) : []), [providerId, id]);
  const [adding, setAdding] = useState(false);
  const options = client && !shown.includes(client) ? [client, ...shown] : shown;
  return (
    <>
      <TextField label={t("access.findClient")} type="search" value={search} onChange={setSearch} optional />
      <SelectField label={t("access.client")} value={id} onChange={setId}
        options={[{ value: "", label: "—" }, ...options.map((c) => ({ value: c.id, label: c.name }))]} />
      {!client && <p>{t("assignments.pickClient")}</p>}
      {client && (
        <ReachTable providerId={providerId} reach={reach} title={t("assignments.techniciansOf", { name: client.name })}
          rowName={(r) => personLabel(r)} column={{ header: t("access.technician"), cell: (r) => personLabel(r) }}
          empty={t("assignments.noneForClient", { name: client.name })}
          addLabel={t("assignments.assignTechnicians")} onAdd={() => setAdding(true)} />
      )}
      {client && (
        <Dialog title={t("assignments.assignTo", { name: client.name })} open={adding} onClose={() => setAdding(false)}>
          <PickAndAssign label={t("assignments.assignTechnicians")} onDone={() => (setAdding(false), reach.reload())}
            assign={(ids) => changeAssignments(providerId, ids, [client.id], true)}
            picker={(selected, set) => <TechnicianChecklist technicians={technicians} selected={selected} onSelectedChange={set}
              label={t("assignments.assignTechnicians")} />}
            onCancel={() => setAdding(false)} />
        </Dialog>
      )}
    </>
  );
}

interface ReachTableProps {
  providerId: string;
  reach: ReturnType<typeof useAsync<Reach[]>>;
  title: string;
  rowName: (r: Reach) => string;
  column: { header: string; cell: (r: Reach) => string };
  empty: string;
  addLabel: string;
  onAdd: () => void;
}

const rowKey = (r: Reach) => `${r.providerUserId}:${r.organizationId}:${r.via}:${r.teamId ?? r.grantId ?? ""}`;

/** The reach of one technician or one client; direct assignments are selectable and unassigned in bulk. */
function ReachTable({ providerId, reach, title, rowName, column, empty, addLabel, onAdd }: ReachTableProps) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const remove = useSubmit();
  const rows = reach.data ?? [];
  const chosen = rows.filter((r) => r.via === "assigned" && selected.has(rowKey(r)));
  const unassign = (pairs: Reach[]) => remove.handle(async () => {
    // One call per technician keeps each call's pairs exactly the chosen ones.
    for (const userId of new Set(pairs.map((p) => p.providerUserId))) {
      await changeAssignments(providerId, [userId], pairs.filter((p) => p.providerUserId === userId).map((p) => p.organizationId), false);
    }
    toast(t("assignments.unassigned", { count: formatNumber(pairs.length) }));
    setSelected(new Set());
    reach.reload();
  });
  return (
    <section aria-label={title}>
      <div className="page-header">
        <h2>{title}</h2>
        <div className="page-actions"><Button type="button" onClick={onAdd}>{addLabel}</Button></div>
      </div>
      {chosen.length > 0 && (
        <div className="portal-toolbar" role="group" aria-label={t("assignments.selection")}>
          <span>{t("assignments.selected", { count: formatNumber(chosen.length) })}</span>
          <Button type="button" className="danger" disabled={remove.busy} onClick={unassign(chosen)}>{t("assignments.unassignSelected")}</Button>
        </div>
      )}
      <ErrorMessage message={reach.error ?? remove.error} />
      {reach.loading && <Loading />}
      {!reach.loading && rows.length === 0 && <EmptyState title={empty} />}
      {rows.length > 0 && (
        <>
          <DataTable label={title} rows={rows} rowKey={rowKey} rowLabel={rowName} selected={selected}
            onSelectedChange={(s) => setSelected(new Set([...s].filter((k) => rows.some((r) => r.via === "assigned" && rowKey(r) === k))))}
            initialSort={{ key: "who", direction: "ascending" }}
            columns={[
              { key: "who", header: column.header, wrap: true, cell: column.cell, sortValue: column.cell },
              { key: "how", header: t("access.how"), cell: viaLabel, sortValue: viaLabel },
            ]}
            actions={(r) => r.via === "assigned" && (
              <Button type="button" className="secondary small" aria-label={t("assignments.unassign", { name: rowName(r) })} disabled={remove.busy}
                onClick={unassign([r])}>{t("assignments.unassignShort")}</Button>
            )} />
          <p className="portal-muted">{t("assignments.onlyDirect")}</p>
        </>
      )}
    </section>
  );
}

/** A picker (clients or technicians) and the Assign button; the selection is assigned in one call. */
function PickAndAssign({ label, picker, assign, onDone, onCancel }: {
  label: string; picker: (selected: Set<string>, set: (s: Set<string>) => void) => ReactNode;
  assign: (ids: string[]) => Promise<void>; onDone: () => void; onCancel: () => void;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await assign([...selected]);
    toast(t("assignments.assigned", { count: formatNumber(selected.size) }));
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit} aria-label={label}>
      {picker(selected, setSelected)}
      <SubmitRow label={t("assignments.assign")} busyLabel={t("access.loading")} busy={busy} error={error} disabled={selected.size === 0} onCancel={onCancel} />
    </form>
  );
}
