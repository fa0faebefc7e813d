import { useState } from "react";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { inviteMembers, updateMember } from "../api/members-api";
import { MemberType, memberTypeOptions, permissionLabels, type Member, type MemberAccess, type Permissions } from "../api/org-types";
import { AccessList, IdChecklist, type Choice } from "./access-fields";

interface Props {
  /** "invite" for new members, or the member being edited; null when closed. */
  target: "invite" | Member | null;
  orgId: string;
  collections: Choice[];
  groups: Choice[];
  label: (m: Member) => string;
  onClose: () => void;
  onSaved: () => void;
}

export function MemberDialog({ target, ...rest }: Props) {
  const title = target === "invite" ? "Invite member" : target ? `Edit ${rest.label(target)}` : "";
  return (
    <Dialog title={title} open={target !== null} onClose={rest.onClose}>
      {target && <MemberForm target={target} {...rest} />}
    </Dialog>
  );
}

const permissionKeys = Object.keys(permissionLabels) as (keyof typeof permissionLabels)[];

/** Role, custom permissions, collection access and groups; inviting takes up to 20 addresses at once. */
function MemberForm({ target, orgId, collections, groups, onClose, onSaved }: Omit<Props, "target" | "label"> & { target: "invite" | Member }) {
  const editing = target === "invite" ? null : target;
  const [emails, setEmails] = useState("");
  const [type, setType] = useState(String(editing?.type ?? MemberType.User));
  const [permissions, setPermissions] = useState<Permissions>(editing?.permissions ?? {});
  const [access, setAccess] = useState(editing?.collections ?? []);
  const [groupIds, setGroupIds] = useState(editing?.groups ?? []);
  const { busy, error, handle } = useSubmit();
  const list = emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
  const custom = Number(type) === MemberType.Custom;

  const submit = handle(async () => {
    const body: MemberAccess = { type: Number(type), permissions: custom ? permissions : {}, collections: access, groups: groupIds };
    if (editing) await updateMember(orgId, editing.id, body);
    else {
      if (list.length > 20) throw new Error("Invite at most 20 addresses at a time.");
      await inviteMembers(orgId, list, body);
    }
    onSaved();
  });

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      {!editing && (
        <TextField label="Email addresses" value={emails} onChange={setEmails} placeholder="a@example.com, b@example.com" />
      )}
      <SelectField label="Role" value={type} onChange={setType} options={memberTypeOptions} />
      {custom && (
        <fieldset className="console-access">
          <legend>Permissions</legend>
          {permissionKeys.map((k) => (
            <CheckboxField key={k} label={permissionLabels[k]} checked={permissions[k] ?? false}
              onChange={(on) => setPermissions({ ...permissions, [k]: on })} />
          ))}
        </fieldset>
      )}
      <AccessList legend="Collections" choices={collections} value={access} onChange={setAccess} />
      {groups.length > 0 && <IdChecklist legend="Groups" choices={groups} value={groupIds} onChange={setGroupIds} />}
      <SubmitRow label={editing ? "Save" : "Invite"} busyLabel={editing ? "Saving…" : "Inviting…"} busy={busy} error={error}
        disabled={!editing && list.length === 0} onCancel={onClose} />
    </form>
  );
}
