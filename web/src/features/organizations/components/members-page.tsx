import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { listCollections } from "../api/collections-api";
import { listGroups } from "../api/groups-api";
import { bulkMembers, listMembers, singleMember, type BulkAction } from "../api/members-api";
import { MemberStatus, memberStatusLabel, memberTypeLabel, type BulkResult, type Member } from "../api/org-types";
import { BulkBar } from "./bulk-bar";
import { ConfirmMembersDialog } from "./confirm-members-dialog";
import { MemberDialog } from "./member-dialog";
import { RecoverAccountDialog } from "./recover-account-dialog";
import { RemoveMembersDialog } from "./remove-members-dialog";
import { useOrganization } from "./use-organization";

type Open = { kind: "invite" } | { kind: "edit" | "recover"; member: Member } | { kind: "confirm" | "remove"; members: Member[] };

const label = (m: Member) => m.email || m.name || m.id;

/** What the member dialogs offer: the org's collections (names decrypted) and groups. */
async function loadChoices(orgId: string, useGroups: boolean) {
  const [collections, groups] = await Promise.all([
    listCollections(orgId, false),
    useGroups ? listGroups(orgId).catch(() => []) : Promise.resolve([]),
  ]);
  return { collections: collections.map((c) => ({ id: c.id, label: c.name })), groups: groups.map((g) => ({ id: g.id, label: g.name })) };
}

/**
 * Members: invite, confirm with the fingerprint phrase, edit, revoke, restore, reinvite, remove; one by one or in bulk.
 * `?search=` fills the search box, so the command palette can jump to one member.
 */
export function MembersPage() {
  const { orgId, useGroups } = useOrganization();
  const members = useAsync(() => listMembers(orgId), [orgId]);
  const choices = useAsync(() => loadChoices(orgId, useGroups), [orgId, useGroups]);
  const [params] = useSearchParams();
  const linked = params.get("search");
  const [search, setSearch] = useState(linked ?? "");
  useEffect(() => {
    if (linked !== null) setSearch(linked);
  }, [linked]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, string>>(new Map());
  const [open, setOpen] = useState<Open | null>(null);
  const action = useSubmit();
  const all = members.data ?? [];
  const needle = search.trim().toLowerCase();
  const rows = needle ? all.filter((m) => `${m.email} ${m.name ?? ""}`.toLowerCase().includes(needle)) : all;
  const chosen = all.filter((m) => selected.has(m.id));
  const groupName = new Map((choices.data?.groups ?? []).map((g) => [g.id, g.label]));

  function finish(done: BulkResult[] | null) {
    setOpen(null);
    setResults(new Map((done ?? []).map((r) => [r.id, r.error || t("console.done")])));
    setSelected(new Set());
    members.reload();
  }

  const run = (kind: BulkAction, targets: Member[]) => action.handle(async () => {
    if (targets.length === 1) {
      await singleMember(orgId, kind, targets[0]!.id);
      finish(null);
    } else finish(await bulkMembers(orgId, kind, targets.map((m) => m.id)));
  });

  return (
    <div>
      <PageHeader title={t("members.title")}>
        <Button type="button" aria-keyshortcuts="N" onClick={() => setOpen({ kind: "invite" })}>{t("members.invite")}</Button>
      </PageHeader>
      <BulkBar count={chosen.length} label={t("console.selectedGroup", { name: t("members.title").toLowerCase() })}>
        <Button type="button" className="secondary small" onClick={() => setOpen({ kind: "confirm", members: chosen })}>{t("members.bulk.confirm")}</Button>
        <Button type="button" className="secondary small" disabled={action.busy} onClick={run("reinvite", chosen)}>{t("members.bulk.reinvite")}</Button>
        <Button type="button" className="secondary small" disabled={action.busy} onClick={run("revoke", chosen)}>{t("members.bulk.revoke")}</Button>
        <Button type="button" className="secondary small" disabled={action.busy} onClick={run("restore", chosen)}>{t("members.bulk.restore")}</Button>
        <Button type="button" className="danger small" onClick={() => setOpen({ kind: "remove", members: chosen })}>{t("members.bulk.remove")}</Button>
      </BulkBar>
      <ErrorMessage message={members.error ?? action.error ?? choices.error} />
      {members.loading && !members.data && <Loading label={t("members.loading")} />}
      {all.length > 0 && (
        <div className="table-toolbar">
          <TextField label={t("console.search", { name: t("members.title").toLowerCase() })} type="search" value={search} onChange={setSearch} optional />
        </div>
      )}
      {all.length > 0 && rows.length === 0 && <p>{t("console.noMatch", { search })}</p>}
      {/* Kept while reloading after an action, so the row's button does not vanish with the keyboard focus. */}
      {rows.length > 0 && (
        <DataTable label={t("members.title")} rows={rows} rowKey={(m) => m.id} rowLabel={label} selected={selected} onSelectedChange={setSelected}
          initialSort={{ key: "member", direction: "ascending" }}
          columns={[
            { key: "member", header: t("members.column.member"), wrap: true, sortValue: label,
              cell: (m) => <>{label(m)}{m.name && m.email && <span className="portal-muted"> ({m.name})</span>}</> },
            { key: "role", header: t("members.column.role"), sortValue: (m) => memberTypeLabel[m.type] ?? String(m.type), cell: (m) => memberTypeLabel[m.type] ?? m.type },
            { key: "status", header: t("members.column.status"), sortValue: (m) => m.status, cell: (m) => memberStatusLabel[m.status] ?? m.status },
            { key: "twoStep", header: t("members.column.twoStep"),
              cell: (m) => (m.userId ? t(m.twoFactorEnabled ? "members.twoStepOn" : "members.twoStepOff") : "") },
            { key: "groups", header: t("members.column.groups"), cell: (m) => m.groups.map((id) => groupName.get(id) ?? "…").join(", ") },
            ...(results.size > 0 ? [{ key: "result", header: t("members.column.result"), cell: (m: Member) => results.get(m.id) ?? "" }] : []),
          ]}
          actions={(m) => (
            <>
              {m.status === MemberStatus.Accepted && (
                <Button type="button" className="small" aria-label={t("members.confirmNamed", { name: label(m) })}
                  onClick={() => setOpen({ kind: "confirm", members: [m] })}>{t("members.confirm")}</Button>
              )}
              {m.status === MemberStatus.Invited && (
                <Button type="button" className="secondary small" aria-label={t("members.reinviteNamed", { name: label(m) })} disabled={action.busy}
                  onClick={run("reinvite", [m])}>{t("members.reinvite")}</Button>
              )}
              <Button type="button" className="secondary small" aria-label={t("console.editNamed", { name: label(m) })}
                onClick={() => setOpen({ kind: "edit", member: m })}>{t("console.edit")}</Button>
            </>
          )}
          menu={(m) => [
            m.resetPasswordEnrolled && m.status === MemberStatus.Confirmed && { label: t("members.recover"), onAction: () => setOpen({ kind: "recover", member: m }) },
            m.status === MemberStatus.Revoked
              ? { label: t("members.restore"), disabled: action.busy, onAction: run("restore", [m]) }
              : { label: t("members.revoke"), disabled: action.busy, onAction: run("revoke", [m]) },
            { label: t("members.remove"), danger: true, onAction: () => setOpen({ kind: "remove", members: [m] }) },
          ]} />
      )}
      {/* The owner alone: the table shows them, and beneath it what to do next. */}
      {members.data && all.length <= 1 && !needle && (
        <EmptyState title={t("members.empty.title")}>{t("members.empty.body")}</EmptyState>
      )}
      <MemberDialog target={open?.kind === "invite" ? "invite" : open?.kind === "edit" ? open.member : null} orgId={orgId}
        collections={choices.data?.collections ?? []} groups={choices.data?.groups ?? []} label={label}
        onClose={() => setOpen(null)} onSaved={() => finish(null)} />
      <ConfirmMembersDialog members={open?.kind === "confirm" ? open.members : null} orgId={orgId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RemoveMembersDialog members={open?.kind === "remove" ? open.members : null} orgId={orgId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RecoverAccountDialog member={open?.kind === "recover" ? open.member : null} orgId={orgId}
        onClose={() => setOpen(null)} onDone={() => finish([{ id: open?.kind === "recover" ? open.member.id : "", error: t("members.recovered") }])} />
    </div>
  );
}
