import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { listProviderUsers, reinviteProviderUsers } from "../api/provider-users-api";
import { ProviderUserStatus, providerUserStatusLabel, providerUserTypeLabel, type BulkResult, type ProviderUserDetails } from "../api/provider-types";
import { ConfirmMembersDialog } from "./confirm-members-dialog";
import { InviteMemberDialog } from "./invite-member-dialog";
import { MemberTypeDialog } from "./member-type-dialog";
import { RemoveMembersDialog } from "./remove-members-dialog";
import { useProvider } from "./use-provider";

type Open = { kind: "invite" } | { kind: "confirm" | "remove"; users: ProviderUserDetails[] } | { kind: "type"; user: ProviderUserDetails };

const label = (u: ProviderUserDetails) => u.email ?? u.name ?? u.id;

/** Provider users: invite, confirm with the fingerprint phrase, change type, reinvite, remove; one by one or in bulk. */
export function MembersPage() {
  const { providerId, isAdmin } = useProvider();
  if (!isAdmin) {
    return (
      <div>
        <PageHeader title="Members" />
        <p>Only provider admins can see and manage the provider's members.</p>
      </div>
    );
  }
  return <MembersList providerId={providerId} />;
}

function MembersList({ providerId }: { providerId: string }) {
  const users = useAsync(() => listProviderUsers(providerId), [providerId]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, string>>(new Map());
  const [open, setOpen] = useState<Open | null>(null);
  const reinvite = useSubmit();
  const rows = users.data ?? [];
  const chosen = rows.filter((u) => selected.has(u.id));

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  /** Per-row answers of a bulk call: an empty error means done. */
  function finish(done: BulkResult[] | null) {
    setOpen(null);
    if (done) setResults(new Map(done.map((r) => [r.id, r.error || "Done"])));
    setSelected(new Set());
    users.reload();
  }

  const reinviteMany = (targets: ProviderUserDetails[]) =>
    reinvite.handle(async () => finish(await reinviteProviderUsers(providerId, targets.map((u) => u.id))));

  return (
    <div>
      <PageHeader title="Members">
        <Button type="button" onClick={() => setOpen({ kind: "invite" })}>Invite member</Button>
      </PageHeader>
      {chosen.length > 0 && (
        <div className="portal-toolbar" role="group" aria-label="Selected members">
          <span>{chosen.length} selected</span>
          <Button type="button" className="secondary" onClick={() => setOpen({ kind: "confirm", users: chosen })}>Confirm selected</Button>
          <Button type="button" className="secondary" disabled={reinvite.busy} onClick={reinviteMany(chosen)}>Reinvite selected</Button>
          <Button type="button" className="danger" onClick={() => setOpen({ kind: "remove", users: chosen })}>Remove selected</Button>
        </div>
      )}
      <ErrorMessage message={users.error ?? reinvite.error} />
      {users.loading && <Loading label="Loading members…" />}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select all members" checked={rows.length > 0 && chosen.length === rows.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? rows.map((u) => u.id) : []))} />
              </th>
              <th scope="col">Email</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Actions</th>
              {results.size > 0 && <th scope="col">Result</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <input type="checkbox" aria-label={`Select ${label(u)}`} checked={selected.has(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
                </td>
                <td>{label(u)}{u.name && u.email && <span className="portal-muted"> ({u.name})</span>}</td>
                <td>{providerUserTypeLabel[u.type] ?? u.type}</td>
                <td>{providerUserStatusLabel[u.status] ?? u.status}</td>
                <td className="portal-row-actions">
                  {u.status === ProviderUserStatus.Accepted && (
                    <Button type="button" aria-label={`Confirm ${label(u)}`} onClick={() => setOpen({ kind: "confirm", users: [u] })}>Confirm</Button>
                  )}
                  {u.status === ProviderUserStatus.Invited && (
                    <Button type="button" className="secondary" aria-label={`Reinvite ${label(u)}`} disabled={reinvite.busy} onClick={reinviteMany([u])}>
                      Reinvite
                    </Button>
                  )}
                  <Button type="button" className="secondary" aria-label={`Edit type of ${label(u)}`} onClick={() => setOpen({ kind: "type", user: u })}>
                    Edit type
                  </Button>
                  <Button type="button" className="secondary" aria-label={`Remove ${label(u)}`} onClick={() => setOpen({ kind: "remove", users: [u] })}>
                    Remove
                  </Button>
                </td>
                {results.size > 0 && <td>{results.get(u.id) ?? ""}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InviteMemberDialog open={open?.kind === "invite"} providerId={providerId} onClose={() => setOpen(null)} onInvited={() => finish(null)} />
      <ConfirmMembersDialog users={open?.kind === "confirm" ? open.users : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RemoveMembersDialog users={open?.kind === "remove" ? open.users : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <MemberTypeDialog user={open?.kind === "type" ? open.user : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={() => finish(null)} />
    </div>
  );
}
