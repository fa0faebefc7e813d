import { formatNumber } from "../../../lib/i18n/format";
import { useState } from "react";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { isEmailAddress } from "../../../lib/email";
import { t } from "../../../lib/i18n/messages";
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
  const title = target === "invite" ? t("members.invite") : target ? t("console.editNamed", { name: rest.label(target) }) : "";
  return (
    <Dialog title={title} open={target !== null} onClose={rest.onClose}>
      {target && <MemberForm target={target} {...rest} />}
    </Dialog>
  );
}

const permissionKeys = Object.keys(permissionLabels) as (keyof typeof permissionLabels)[];

/** What is wrong with the list of addresses to invite, all of it in one sentence; null when it may be sent. */
export function inviteEmailsError(list: string[]): string | null {
  const invalid = list.filter((e) => !isEmailAddress(e));
  if (invalid.length > 0) return t("members.emailsInvalid", { list: invalid.join(", ") });
  if (list.length > 20) return t("members.emailsTooMany", { count: formatNumber(list.length) });
  return null;
}

/** Role, custom permissions, collection access and groups; inviting takes up to 20 addresses at once. */
function MemberForm({ target, orgId, collections, groups, onClose, onSaved }: Omit<Props, "target" | "label"> & { target: "invite" | Member }) {
  const editing = target === "invite" ? null : target;
  const [emails, setEmails] = useState("");
  const [type, setType] = useState(String(editing?.type ?? MemberType.User));
  const [permissions, setPermissions] = useState<Permissions>(editing?.permissions ?? {});
  const [access, setAccess] = useState(editing?.collections ?? []);
  const [groupIds, setGroupIds] = useState(editing?.groups ?? []);
  const [tried, setTried] = useState(false);
  const { busy, error, handle } = useSubmit();
  const list = emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
  const custom = Number(type) === MemberType.Custom;
  // Checked once the user asks to send, then kept current while they mend the list.
  const emailsError = !editing && tried ? inviteEmailsError(list) : null;

  const submit = handle(async () => {
    const body: MemberAccess = { type: Number(type), permissions: custom ? permissions : {}, collections: access, groups: groupIds };
    if (editing) await updateMember(orgId, editing.id, body);
    else {
      setTried(true);
      if (inviteEmailsError(list)) return;
      await inviteMembers(orgId, list, body);
    }
    onSaved();
  });

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      {!editing && (
        <TextField label={t("members.emails")} value={emails} onChange={setEmails} placeholder="a@example.com, b@example.com"
          description={t("members.emailsDescription")} error={emailsError} autoFocus />
      )}
      <SelectField label={t("members.column.role")} value={type} onChange={setType} options={memberTypeOptions} />
      {custom && (
        <fieldset className="console-access">
          <legend>{t("members.permissions")}</legend>
          {permissionKeys.map((k) => (
            <CheckboxField key={k} label={permissionLabels[k]} checked={permissions[k] ?? false}
              onChange={(on) => setPermissions({ ...permissions, [k]: on })} />
          ))}
        </fieldset>
      )}
      <AccessList legend={t("groups.column.collections")} choices={collections} value={access} onChange={setAccess} />
      {groups.length > 0 && <IdChecklist legend={t("members.column.groups")} choices={groups} value={groupIds} onChange={setGroupIds} />}
      <SubmitRow label={t(editing ? "console.save" : "members.inviteSubmit")} busyLabel={t(editing ? "console.saving" : "members.inviting")} busy={busy} error={error}
        disabled={!editing && list.length === 0} onCancel={onClose} />
    </form>
  );
}
