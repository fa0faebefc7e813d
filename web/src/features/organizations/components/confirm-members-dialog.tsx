import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SubmitRow } from "../../../components/ui/submit-row";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { requireOrgKey } from "../api/collections-api";
import { confirmCandidates, confirmMember, confirmMembers } from "../api/members-api";
import type { BulkResult, Member } from "../api/org-types";
import { batchTitle, type MemberBatchProps } from "./member-batch";
import { t } from "../../../lib/i18n/messages";


export function ConfirmMembersDialog({ members, ...rest }: MemberBatchProps) {
  return (
    <Dialog title={batchTitle("members.confirmNamed", "members.confirmTitleMany", { members, label: rest.label })} open={members !== null} onClose={rest.onClose}>
      {members && <FingerprintCheck members={members} {...rest} />}
    </Dialog>
  );
}

/**
 * The admin compares each phrase with the one the member reads in their own account settings; only then is the
 * org key wrapped to the public key the phrase was computed from.
 */
function FingerprintCheck({ members, orgId, label, onClose, onDone }: MemberBatchProps & { members: Member[] }) {
  const keys = useAsync(() => confirmCandidates(orgId, members.map((m) => m.id)), [orgId, members]);
  const { busy, error, handle } = useSubmit();
  const candidates = keys.data ?? [];
  const phraseOf = new Map(candidates.map((c) => [c.id, c.phrase]));

  const submit = handle(async () => {
    const orgKey = await requireOrgKey(orgId);
    if (members.length === 1 && candidates.length === 1) {
      await confirmMember(orgId, orgKey, candidates[0]!);
      onDone(null);
      return;
    }
    const missing: BulkResult[] = members.filter((m) => !phraseOf.has(m.id)).map((m) => ({ id: m.id, error: t("members.notAccepted") }));
    onDone([...(candidates.length ? await confirmMembers(orgId, orgKey, candidates) : []), ...missing]);
  });

  if (keys.loading) return <Loading label={t("members.fetchingKeys")} />;
  return (
    <form className="portal-form" onSubmit={submit}>
      <ErrorMessage message={keys.error} />
      <p>{t("members.confirmCheck")}</p>
      <dl className="console-fingerprints">
        {members.map((m) => (
          <div key={m.id}>
            <dt>{label(m)}</dt>
            <dd>{phraseOf.has(m.id) ? <code>{phraseOf.get(m.id)}</code> : t("members.notAccepted")}</dd>
          </div>
        ))}
      </dl>
      <SubmitRow label={t("members.confirm")} busyLabel={t("members.confirming")} busy={busy} error={error} disabled={candidates.length === 0} onCancel={onClose} />
    </form>
  );
}
