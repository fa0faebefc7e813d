import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { useAsync } from "../../../lib/use-async";
import { listCollections } from "../api/collections-api";
import { deleteGroup, listGroups } from "../api/groups-api";
import { listMembers } from "../api/members-api";
import type { Group } from "../api/org-types";
import { DeleteDialog } from "./delete-dialog";
import { RowEditDelete } from "./row-edit-delete";
import { GroupDialog } from "./group-dialog";
import { useOrganization } from "./use-organization";

/** What a group can hold: the org's collections (names decrypted) and its members. */
async function loadParts(orgId: string) {
  const [collections, members] = await Promise.all([listCollections(orgId), listMembers(orgId)]);
  return { collections: collections.map((c) => ({ id: c.id, label: c.name })), members: members.map((m) => ({ id: m.id, label: m.email || m.id })) };
}

/** Groups: members given collection access together. */
export function GroupsPage() {
  const { orgId } = useOrganization();
  const groups = useAsync(() => listGroups(orgId), [orgId]);
  const parts = useAsync(() => loadParts(orgId), [orgId]);
  const [editing, setEditing] = useState<"new" | Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const names = new Map((parts.data?.collections ?? []).map((c) => [c.id, c.label]));
  const done = () => {
    setEditing(null);
    setDeleting(null);
    groups.reload();
  };
  return (
    <div>
      <PageHeader title="Groups">
        <Button type="button" onClick={() => setEditing("new")}>New group</Button>
      </PageHeader>
      <ErrorMessage message={groups.error ?? parts.error} />
      {groups.loading && <Loading label="Loading groups…" />}
      {groups.data?.length === 0 && <p>No groups yet.</p>}
      {groups.data && groups.data.length > 0 && (
        <table className="table">
          <thead><tr><th scope="col">Name</th><th scope="col">Collections</th><th scope="col">Actions</th></tr></thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id}>
                <td>{g.name}</td>
                <td>{g.collections.map((a) => names.get(a.id) ?? "…").join(", ")}</td>
                <RowEditDelete name={g.name} onEdit={() => setEditing(g)} onDelete={() => setDeleting(g)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GroupDialog target={editing} orgId={orgId} collections={parts.data?.collections ?? []} members={parts.data?.members ?? []}
        onClose={() => setEditing(null)} onSaved={done} />
      <DeleteDialog name={deleting?.name ?? null} warning="Members of this group lose the access it gave them."
        onDelete={() => deleteGroup(orgId, deleting!.id)} onClose={() => setDeleting(null)} onDeleted={done} />
    </div>
  );
}
