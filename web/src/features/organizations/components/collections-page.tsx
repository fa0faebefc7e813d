import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { deleteCollections, listCollections } from "../api/collections-api";
import { listGroups } from "../api/groups-api";
import { listMembers } from "../api/members-api";
import type { OrgCollection } from "../api/org-types";
import { CollectionDialog } from "./collection-dialog";
import { DeleteDialog } from "./delete-dialog";
import { NamedListTable, useNamedList } from "./named-list";
import { useOrganization } from "./use-organization";

/** Who a collection can be shared with: the org's groups and members. */
async function loadSharing(orgId: string, useGroups: boolean) {
  const [groups, members] = await Promise.all([
    useGroups ? listGroups(orgId).catch(() => []) : Promise.resolve([]),
    listMembers(orgId).catch(() => []),
  ]);
  return { groups: groups.map((g) => ({ id: g.id, label: g.name })), members: members.map((m) => ({ id: m.id, label: m.email || m.id })) };
}

/** Collections: names decrypted with the org key; create, edit access, delete one or several. */
export function CollectionsPage() {
  const { orgId, useGroups } = useOrganization();
  const collections = useAsync(() => listCollections(orgId), [orgId]);
  const sharing = useAsync(() => loadSharing(orgId, useGroups), [orgId, useGroups]);
  const [editing, setEditing] = useState<"new" | OrgCollection | null>(null);
  const list = useNamedList(collections.data);
  const saved = () => {
    setEditing(null);
    list.reset();
    collections.reload();
  };
  const deleting = list.deleting;
  const count = (pick: (c: OrgCollection) => { id: string }[]) => new Set(deleting?.flatMap((c) => pick(c).map((a) => a.id))).size;
  return (
    <div>
      <PageHeader title={t("collections.title")}>
        <Button type="button" aria-keyshortcuts="N" onClick={() => setEditing("new")}>{t("collections.new")}</Button>
      </PageHeader>
      <ErrorMessage message={collections.error} />
      {collections.loading && !collections.data && <Loading label={t("collections.loading")} />}
      <NamedListTable title={t("collections.title")} list={list} loaded={!!collections.data} onEdit={setEditing}
        empty={{ title: t("collections.empty.title"), body: t("collections.empty.body") }}
        columns={[
          { key: "groups", header: t("collections.column.groups"), sortValue: (c) => c.groups.length, cell: (c) => formatNumber(c.groups.length) },
          { key: "members", header: t("collections.column.members"), sortValue: (c) => c.users.length, cell: (c) => formatNumber(c.users.length) },
        ]} />
      <CollectionDialog target={editing} orgId={orgId} groups={sharing.data?.groups ?? []} members={sharing.data?.members ?? []}
        onClose={() => setEditing(null)} onSaved={saved} />
      <DeleteDialog names={deleting?.map((c) => c.name) ?? null} what={t("collections.what")}
        warning={t("collections.deleteLoss", { names: deleting?.map((c) => c.name).join(", ") ?? "",
          groups: formatNumber(count((c) => c.groups)), members: formatNumber(count((c) => c.users)) })}
        onDelete={() => deleteCollections(orgId, deleting!.map((c) => c.id))} onClose={() => list.setDeleting(null)} onDeleted={saved} />
    </div>
  );
}
