import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { listCollections } from "../api/collections-api";
import { deleteGroups, listGroups } from "../api/groups-api";
import { listMembers } from "../api/members-api";
import type { Group } from "../api/org-types";
import { DeleteDialog } from "./delete-dialog";
import { GroupDialog } from "./group-dialog";
import { NamedListTable, useNamedList } from "./named-list";
import { useOrganization } from "./use-organization";

/** What a group can hold: the org's collections (names decrypted) and its members. */
async function loadParts(orgId: string) {
  const [collections, members] = await Promise.all([listCollections(orgId, false), listMembers(orgId)]);
  return { collections: collections.map((c) => ({ id: c.id, label: c.name })), members: members.map((m) => ({ id: m.id, label: m.email || m.id })) };
}

/** Groups: members given collection access together. */
export function GroupsPage() {
  const { orgId } = useOrganization();
  const groups = useAsync(() => listGroups(orgId), [orgId]);
  const parts = useAsync(() => loadParts(orgId), [orgId]);
  const [editing, setEditing] = useState<"new" | Group | null>(null);
  const list = useNamedList(groups.data);
  const names = new Map((parts.data?.collections ?? []).map((c) => [c.id, c.label]));
  const collectionsOf = (gs: Group[]) => [...new Set(gs.flatMap((g) => g.collections.map((a) => names.get(a.id) ?? "…")))];
  const done = () => {
    setEditing(null);
    list.reset();
    groups.reload();
  };
  const deleting = list.deleting;
  const deletingNames = deleting?.map((g) => g.name).join(", ") ?? "";
  const lost = deleting ? collectionsOf(deleting) : [];
  return (
    <div>
      <PageHeader title={t("groups.title")}>
        <Button type="button" aria-keyshortcuts="N" onClick={() => setEditing("new")}>{t("groups.new")}</Button>
      </PageHeader>
      <ErrorMessage message={groups.error ?? parts.error} />
      {groups.loading && !groups.data && <Loading label={t("groups.loading")} />}
      <NamedListTable title={t("groups.title")} list={list} loaded={!!groups.data} onEdit={setEditing}
        empty={{ title: t("groups.empty.title"), body: t("groups.empty.body") }}
        columns={[{ key: "collections", header: t("groups.column.collections"), cell: (g) => collectionsOf([g]).join(", ") }]} />
      <GroupDialog target={editing} orgId={orgId} collections={parts.data?.collections ?? []} members={parts.data?.members ?? []}
        onClose={() => setEditing(null)} onSaved={done} />
      <DeleteDialog names={deleting?.map((g) => g.name) ?? null} what={t("groups.what")}
        warning={lost.length ? t("groups.deleteLoss", { names: deletingNames, collections: lost.join(", ") }) : t("groups.deleteLossNone", { names: deletingNames })}
        onDelete={() => deleteGroups(orgId, deleting!.map((g) => g.id))} onClose={() => list.setDeleting(null)} onDeleted={done} />
    </div>
  );
}
