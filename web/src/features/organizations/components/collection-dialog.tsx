import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { saveCollection } from "../api/collections-api";
import type { OrgCollection } from "../api/org-types";
import { nameError } from "./named-list";
import { AccessList, type Choice } from "./access-fields";

interface Props {
  /** "new", or the collection being edited; null when closed. */
  target: "new" | OrgCollection | null;
  orgId: string;
  groups: Choice[];
  members: Choice[];
  onClose: () => void;
  onSaved: () => void;
}

export function CollectionDialog({ target, ...rest }: Props) {
  const title = target === "new" ? t("collections.new") : target ? t("console.editNamed", { name: target.name }) : "";
  return (
    <Dialog title={title} open={target !== null} onClose={rest.onClose}>
      {target && <CollectionForm target={target} {...rest} />}
    </Dialog>
  );
}

/** The name (encrypted with the org key by the fetcher) and which groups and members reach the collection. */
function CollectionForm({ target, orgId, groups, members, onClose, onSaved }: Omit<Props, "target"> & { target: "new" | OrgCollection }) {
  const editing = target === "new" ? null : target;
  const [name, setName] = useState(editing?.name ?? "");
  const [groupAccess, setGroupAccess] = useState(editing?.groups ?? []);
  const [userAccess, setUserAccess] = useState(editing?.users ?? []);
  const [touched, setTouched] = useState(false);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await saveCollection(orgId, editing?.id ?? null, { name: name.trim(), groups: groupAccess, users: userAccess });
    onSaved();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("console.name")} value={name} onChange={setName} required maxLength={200} autoFocus
        onBlur={() => setTouched(true)} error={nameError(name, touched)} />
      {groups.length > 0 && <AccessList legend={t("collections.column.groups")} choices={groups} value={groupAccess} onChange={setGroupAccess} />}
      <AccessList legend={t("collections.column.members")} choices={members} value={userAccess} onChange={setUserAccess} />
      <SubmitRow label={t("console.save")} busyLabel={t("console.saving")} busy={busy} error={error} disabled={!name.trim()} onCancel={onClose} />
    </form>
  );
}
