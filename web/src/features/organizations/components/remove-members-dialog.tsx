import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { bulkMembers, singleMember } from "../api/members-api";
import type { Member } from "../api/org-types";
import { batchTitle, type MemberBatchProps } from "./member-batch";

export function RemoveMembersDialog({ members, ...rest }: MemberBatchProps) {
  return (
    <Dialog title={batchTitle("members.removeTitle", "members.removeTitleMany", { members, label: rest.label })} open={members !== null} onClose={rest.onClose}>
      {members && <RemoveForm members={members} {...rest} />}
    </Dialog>
  );
}

/** Removed members lose the org's items at once; one member's refusal is an error, a selection's is per row. */
function RemoveForm({ members, orgId, label, onClose, onDone }: MemberBatchProps & { members: Member[] }) {
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    if (members.length === 1) {
      await singleMember(orgId, "remove", members[0]!.id);
      onDone(null);
    } else onDone(await bulkMembers(orgId, "remove", members.map((m) => m.id)));
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>{t("members.removeBody", { names: members.map(label).join(", ") })}</p>
      <p>{t("members.removeLoss")}</p>
      <SubmitRow label={t("members.remove")} busyLabel={t("members.removing")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
