import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { toast } from "../../../components/ui/toast";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { deleteTeam, listTeams, saveTeam, type Team } from "../api/access-api";
import type { ProviderUserDetails } from "../api/provider-types";
import { ClientChecklist, TechnicianChecklist, technicianLabel, useProviderClients, useTechnicians, type ClientRef } from "./access-shared";
import { useProvider } from "./use-provider";

type Open = { kind: "edit"; team: Team | null } | { kind: "delete"; team: Team };

/** Teams: named sets of technicians assigned to clients together (a change reaches every member at once). */
export function TeamsPage() {
  const { providerId, isAdmin } = useProvider();
  return (
    <div>
      {isAdmin ? <Teams providerId={providerId} /> : <><PageHeader title={t("teams.title")} /><p>{t("access.adminsOnly")}</p></>}
    </div>
  );
}

function Teams({ providerId }: { providerId: string }) {
  const teams = useAsync(() => listTeams(providerId), [providerId]);
  const technicians = useTechnicians(providerId, true);
  const clients = useProviderClients(providerId);
  const [open, setOpen] = useState<Open | null>(null);
  const people = new Map((technicians.data ?? []).map((u) => [u.id, technicianLabel(u)]));
  const clientNames = new Map(clients.map((c) => [c.id, c.name]));
  const names = (ids: string[], map: Map<string, string>) => ids.map((id) => map.get(id) ?? id.slice(-8)).join(", ");
  const rows = teams.data ?? [];
  const done = () => (setOpen(null), teams.reload());
  return (
    <>
      <PageHeader title={t("teams.title")}>
        <Button type="button" onClick={() => setOpen({ kind: "edit", team: null })}>{t("teams.new")}</Button>
      </PageHeader>
      <ErrorMessage message={teams.error ?? technicians.error} />
      {teams.loading && <Loading />}
      {!teams.loading && !teams.error && rows.length === 0 && <EmptyState title={t("teams.empty")}>{t("teams.emptyBody")}</EmptyState>}
      {rows.length > 0 && (
        <DataTable label={t("teams.title")} rows={rows} rowKey={(team) => team.id} rowLabel={(team) => team.name}
          initialSort={{ key: "name", direction: "ascending" }}
          columns={[
            { key: "name", header: t("teams.name"), cell: (team) => team.name, sortValue: (team) => team.name },
            { key: "members", header: t("teams.members"), wrap: true, cell: (team) => names(team.providerUserIds, people) },
            { key: "clients", header: t("teams.clients"), wrap: true, sortValue: (team) => team.organizationIds.length,
              cell: (team) => (team.organizationIds.length > 5 ? String(team.organizationIds.length) : names(team.organizationIds, clientNames)) },
          ]}
          actions={(team) => (
            <Button type="button" className="secondary small" aria-label={t("teams.editNamed", { name: team.name })}
              onClick={() => setOpen({ kind: "edit", team })}>{t("teams.edit")}</Button>
          )}
          menu={(team) => [{ label: t("teams.delete"), danger: true, onAction: () => setOpen({ kind: "delete", team }) }]} />
      )}
      <Dialog title={open?.kind === "edit" && open.team ? t("teams.editNamed", { name: open.team.name }) : t("teams.new")}
        open={open?.kind === "edit"} onClose={() => setOpen(null)}>
        {open?.kind === "edit" && (
          <TeamForm providerId={providerId} team={open.team} technicians={technicians.data ?? []} clients={clients}
            onDone={done} onCancel={() => setOpen(null)} />
        )}
      </Dialog>
      <Dialog title={open?.kind === "delete" ? t("teams.deleteNamed", { name: open.team.name }) : t("teams.delete")}
        open={open?.kind === "delete"} onClose={() => setOpen(null)}>
        {open?.kind === "delete" && <DeleteForm providerId={providerId} team={open.team} onDone={done} onCancel={() => setOpen(null)} />}
      </Dialog>
    </>
  );
}

function TeamForm({ providerId, team, technicians, clients, onDone, onCancel }: {
  providerId: string; team: Team | null; technicians: ProviderUserDetails[]; clients: ClientRef[]; onDone: () => void; onCancel: () => void;
}) {
  const [name, setName] = useState(team?.name ?? "");
  const [members, setMembers] = useState<Set<string>>(new Set(team?.providerUserIds));
  const [teamClients, setTeamClients] = useState<Set<string>>(new Set(team?.organizationIds));
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const saved = await saveTeam(providerId, team?.id ?? null, { name: name.trim(), providerUserIds: [...members], organizationIds: [...teamClients] });
    toast(t("teams.saved", { name: saved.name }));
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("teams.name")} value={name} onChange={setName} maxLength={100} required data-autofocus />
      <h3>{t("teams.members")}</h3>
      <TechnicianChecklist technicians={technicians} selected={members} onSelectedChange={setMembers} label={t("teams.members")} />
      <h3>{t("teams.clients")}</h3>
      <ClientChecklist clients={clients} selected={teamClients} onSelectedChange={setTeamClients} label={t("teams.clients")} />
      <SubmitRow label={t("teams.save")} busyLabel={t("access.loading")} busy={busy} error={error} disabled={!name.trim()} onCancel={onCancel} />
    </form>
  );
}

function DeleteForm({ providerId, team, onDone, onCancel }: { providerId: string; team: Team; onDone: () => void; onCancel: () => void }) {
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await deleteTeam(providerId, team.id);
    toast(t("teams.deleted", { name: team.name }));
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>{t("teams.deleteBody")}</p>
      <SubmitRow label={t("teams.delete")} busyLabel={t("access.loading")} busy={busy} error={error} danger onCancel={onCancel} />
    </form>
  );
}
