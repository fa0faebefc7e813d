import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { useAsync } from "../../../lib/use-async";
import { deleteCollection, listCollections } from "../api/collections-api";
import { listGroups } from "../api/groups-api";
import { listMembers } from "../api/members-api";
import type { OrgCollection } from "../api/org-types";
import { CollectionDialog } from "./collection-dialog";
import { DeleteDialog } from "./delete-dialog";
import { RowEditDelete } from "./row-edit-delete";
import { useOrganization } from "./use-organization";

/** Who a collection can be shared with: the org's groups and members. */
async function loadSharing(orgId: string, useGroups: boolean) {
  const [groups, members] = await Promise.all([
    useGroups ? listGroups(orgId).catch(() => []) : Promise.resolve([]),
    listMembers(orgId).catch(() => []),
  ]);
  return { groups: groups.map((g) => ({ id: g.id, label: g.name })), members: members.map((m) => ({ id: m.id, label: m.email || m.id })) };
}

/** Collections: names decrypted with the org key; create, edit access, delete. */
export function CollectionsPage() {
  const { orgId, useGroups } = useOrganization();
  const collections = useAsync(() => listCollections(orgId), [orgId]);
  const sharing = useAsync(() => loadSharing(orgId, useGroups), [orgId, useGroups]);
  const [editing, setEditing] = useState<"new" | OrgCollection | null>(null);
  const [deleting, setDeleting] = useState<OrgCollection | null>(null);
  const rows = collections.data ?? [];
  const saved = () => {
    setEditing(null);
    setDeleting(null);
    collections.reload();
  };
  return (
    <div>
      <PageHeader title="Collections">
        <Button type="button" onClick={() => setEditing("new")}>New collection</Button>
      </PageHeader>
      <ErrorMessage message={collections.error} />
      {collections.loading && <Loading label="Loading collections…" />}
      {!collections.loading && !collections.error && rows.length === 0 && <p>No collections yet.</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Groups</th><th scope="col">Members</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.groups.length}</td>
                <td>{c.users.length}</td>
                <RowEditDelete name={c.name} onEdit={() => setEditing(c)} onDelete={() => setDeleting(c)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CollectionDialog target={editing} orgId={orgId} groups={sharing.data?.groups ?? []} members={sharing.data?.members ?? []}
        onClose={() => setEditing(null)} onSaved={saved} />
      <DeleteDialog name={deleting?.name ?? null} warning="Items in this collection stay in the organization but lose this collection."
        onDelete={() => deleteCollection(orgId, deleting!.id)} onClose={() => setDeleting(null)} onDeleted={saved} />
    </div>
  );
}
