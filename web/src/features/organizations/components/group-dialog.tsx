import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { useAsync } from "../../../lib/use-async";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { groupMemberIds, saveGroup } from "../api/groups-api";
import type { Group } from "../api/org-types";
import { nameError } from "./named-list";
import { AccessList, IdChecklist, type Choice } from "./access-fields";

interface Props {
  /** "new", or the group being edited; null when closed. */
  target: "new" | Group | null;
  orgId: string;
  collections: Choice[];
  members: Choice[];
  onClose: () => void;
  onSaved: () => void;
}

export function GroupDialog({ target, ...rest }: Props) {
  const title = target === "new" ? t("groups.new") : target ? t("console.editNamed", { name: target.name }) : "";
  return (
    <Dialog title={title} open={target !== null} onClose={rest.onClose}>
      {target && <GroupLoader target={target} {...rest} />}
    </Dialog>
  );
}

/** An existing group's members come from their own endpoint; a new group starts empty. */
function GroupLoader({ target, ...rest }: Omit<Props, "target"> & { target: "new" | Group }) {
  const group = target === "new" ? null : target;
  const users = useAsync(() => (group ? groupMemberIds(rest.orgId, group.id) : Promise.resolve([])), [rest.orgId, group]);
  if (users.loading) return <Loading label={t("groups.loadingMembers")} />;
  if (users.error) return <ErrorMessage message={users.error} />;
  return <GroupForm group={group} initialUsers={users.data ?? []} {...rest} />;
}

function GroupForm({ group, initialUsers, orgId, collections, members, onClose, onSaved }:
  Omit<Props, "target"> & { group: Group | null; initialUsers: string[] }) {
  const [name, setName] = useState(group?.name ?? "");
  const [access, setAccess] = useState(group?.collections ?? []);
  const [users, setUsers] = useState(initialUsers);
  const [touched, setTouched] = useState(false);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await saveGroup(orgId, group?.id ?? null, { name: name.trim(), collections: access, users });
    onSaved();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("console.name")} value={name} onChange={setName} required maxLength={100} autoFocus
        onBlur={() => setTouched(true)} error={nameError(name, touched)} />
      <AccessList legend={t("groups.column.collections")} choices={collections} value={access} onChange={setAccess} />
      <IdChecklist legend={t("collections.column.members")} choices={members} value={users} onChange={setUsers} />
      <SubmitRow label={t("console.save")} busyLabel={t("console.saving")} busy={busy} error={error} disabled={!name.trim()} onCancel={onClose} />
    </form>
  );
}
