import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { TextField } from "../../../components/ui/text-field";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { listCollections } from "../api/collections-api";
import { listGroups } from "../api/groups-api";
import { bulkMembers, listMembers, singleMember, type BulkAction } from "../api/members-api";
import { MemberStatus, memberStatusLabel, memberTypeLabel, type BulkResult, type Member } from "../api/org-types";
import { ConfirmMembersDialog } from "./confirm-members-dialog";
import { MemberDialog } from "./member-dialog";
import { RecoverAccountDialog } from "./recover-account-dialog";
import { RemoveMembersDialog } from "./remove-members-dialog";
import { useOrganization } from "./use-organization";
import { useSelection } from "./use-selection";

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

/** Members: invite, confirm with the fingerprint phrase, edit, revoke, restore, reinvite, remove; one by one or in bulk. */
export function MembersPage() {
  const { orgId, useGroups } = useOrganization();
  const members = useAsync(() => listMembers(orgId), [orgId]);
  const choices = useAsync(() => loadChoices(orgId, useGroups), [orgId, useGroups]);
  const [search, setSearch] = useState("");
  const selected = useSelection();
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
    setResults(new Map((done ?? []).map((r) => [r.id, r.error || "Done"])));
    selected.replace([]);
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
      <PageHeader title="Members">
        <Button type="button" onClick={() => setOpen({ kind: "invite" })}>Invite member</Button>
      </PageHeader>
      <div className="portal-toolbar">
        <TextField label="Search members" type="search" value={search} onChange={setSearch} />
      </div>
      {chosen.length > 0 && (
        <div className="portal-toolbar" role="group" aria-label="Selected members">
          <span>{chosen.length} selected</span>
          <Button type="button" className="secondary" onClick={() => setOpen({ kind: "confirm", members: chosen })}>Confirm selected</Button>
          <Button type="button" className="secondary" disabled={action.busy} onClick={run("reinvite", chosen)}>Reinvite selected</Button>
          <Button type="button" className="secondary" disabled={action.busy} onClick={run("revoke", chosen)}>Revoke selected</Button>
          <Button type="button" className="secondary" disabled={action.busy} onClick={run("restore", chosen)}>Restore selected</Button>
          <Button type="button" className="danger" onClick={() => setOpen({ kind: "remove", members: chosen })}>Remove selected</Button>
        </div>
      )}
      <ErrorMessage message={members.error ?? action.error ?? choices.error} />
      {members.loading && !members.data && <Loading label="Loading members…" />}
      {/* Kept while reloading after an action, so the row's button does not vanish with the keyboard focus. */}
      {all.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select all members" checked={rows.length > 0 && rows.every((m) => selected.has(m.id))}
                  onChange={(e) => selected.replace(e.target.checked ? rows.map((m) => m.id) : [])} />
              </th>
              <th scope="col">Member</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Two-step login</th><th scope="col">Groups</th><th scope="col">Actions</th>
              {results.size > 0 && <th scope="col">Result</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td><input type="checkbox" aria-label={`Select ${label(m)}`} checked={selected.has(m.id)} onChange={(e) => selected.set(m.id, e.target.checked)} /></td>
                <td>{label(m)}{m.name && <span className="portal-muted"> ({m.name})</span>}</td>
                <td>{memberTypeLabel[m.type] ?? m.type}</td>
                <td>{memberStatusLabel[m.status] ?? m.status}</td>
                <td>{m.userId ? (m.twoFactorEnabled ? "On" : "Off") : ""}</td>
                <td>{m.groups.map((id) => groupName.get(id) ?? "…").join(", ")}</td>
                <td className="portal-row-actions">
                  <RowActions member={m} busy={action.busy} onOpen={setOpen} run={run} />
                </td>
                {results.size > 0 && <td>{results.get(m.id) ?? ""}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MemberDialog target={open?.kind === "invite" ? "invite" : open?.kind === "edit" ? open.member : null} orgId={orgId}
        collections={choices.data?.collections ?? []} groups={choices.data?.groups ?? []} label={label}
        onClose={() => setOpen(null)} onSaved={() => finish(null)} />
      <ConfirmMembersDialog members={open?.kind === "confirm" ? open.members : null} orgId={orgId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RemoveMembersDialog members={open?.kind === "remove" ? open.members : null} orgId={orgId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RecoverAccountDialog member={open?.kind === "recover" ? open.member : null} orgId={orgId}
        onClose={() => setOpen(null)} onDone={() => finish([{ id: open?.kind === "recover" ? open.member.id : "", error: "Account recovered" }])} />
    </div>
  );
}

interface RowProps {
  member: Member;
  busy: boolean;
  onOpen: (open: Open) => void;
  run: (kind: BulkAction, targets: Member[]) => () => void;
}

function RowActions({ member: m, busy, onOpen, run }: RowProps) {
  const name = label(m);
  return (
    <>
      {m.status === MemberStatus.Accepted && (
        <Button type="button" aria-label={`Confirm ${name}`} onClick={() => onOpen({ kind: "confirm", members: [m] })}>Confirm</Button>
      )}
      {m.status === MemberStatus.Invited && (
        <Button type="button" className="secondary" aria-label={`Reinvite ${name}`} disabled={busy} onClick={run("reinvite", [m])}>Reinvite</Button>
      )}
      <Button type="button" className="secondary" aria-label={`Edit ${name}`} onClick={() => onOpen({ kind: "edit", member: m })}>Edit</Button>
      {m.resetPasswordEnrolled && m.status === MemberStatus.Confirmed && (
        <Button type="button" className="secondary" aria-label={`Recover account of ${name}`} onClick={() => onOpen({ kind: "recover", member: m })}>Recover account</Button>
      )}
      {m.status === MemberStatus.Revoked ? (
        <Button type="button" className="secondary" aria-label={`Restore ${name}`} disabled={busy} onClick={run("restore", [m])}>Restore</Button>
      ) : (
        <Button type="button" className="secondary" aria-label={`Revoke ${name}`} disabled={busy} onClick={run("revoke", [m])}>Revoke</Button>
      )}
      <Button type="button" className="secondary" aria-label={`Remove ${name}`} onClick={() => onOpen({ kind: "remove", members: [m] })}>Remove</Button>
    </>
  );
}
