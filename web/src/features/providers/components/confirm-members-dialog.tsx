import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { keyStore } from "../../../lib/session";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { confirmProviderUser, confirmProviderUsers, fetchPendingConfirmations } from "../api/provider-users-api";
import type { BulkResult, ProviderUserDetails } from "../api/provider-types";

interface Props {
  users: ProviderUserDetails[] | null;
  providerId: string;
  label: (u: ProviderUserDetails) => string;
  onClose: () => void;
  onDone: (results: BulkResult[]) => void;
}

export function ConfirmMembersDialog({ users, ...rest }: Props) {
  const title = users?.length === 1 ? t("portal.members.confirmNamed", { name: rest.label(users[0]!) }) : t("portal.confirm.titleMany");
  return (
    <Dialog title={title} open={users !== null} onClose={rest.onClose}>
      {users && <ConfirmMembersForm users={users} {...rest} />}
    </Dialog>
  );
}

/**
 * Each user's fingerprint phrase, computed from the public key the server hands out, for the admin to compare with
 * the phrase the user sees; then the provider key is RSA-wrapped to each key.
 */
function ConfirmMembersForm({ users, providerId, label, onClose, onDone }: Props & { users: ProviderUserDetails[] }) {
  const pending = useAsync(() => fetchPendingConfirmations(providerId, users.map((u) => u.id)), [providerId, users]);
  const { busy, error, handle } = useSubmit();
  const ready = pending.data ?? [];
  const byId = new Map(ready.map((p) => [p.id, p]));

  const submit = handle(async () => {
    const providerKey = keyStore.providerKey(providerId);
    if (!providerKey) throw new Error(t("portal.confirm.noKey"));
    const skipped = users.filter((u) => !byId.has(u.id)).map((u) => ({ id: u.id, error: t("portal.confirm.notAccepted") }));
    if (ready.length === 1 && users.length === 1) {
      await confirmProviderUser(providerId, providerKey, ready[0]!);
      onDone([{ id: ready[0]!.id, error: "" }]);
      return;
    }
    onDone([...(ready.length > 0 ? await confirmProviderUsers(providerId, providerKey, ready) : []), ...skipped]);
  });

  if (pending.loading) return <Loading label={t("portal.confirm.loading")} />;
  return (
    <form className="portal-form" onSubmit={submit}>
      <ErrorMessage message={pending.error} />
      <p>{t("portal.confirm.ask")}</p>
      <ul className="portal-fingerprints">
        {users.map((u) => (
          <li key={u.id}>
            <strong>{label(u)}</strong>:{" "}
            {byId.has(u.id) ? <code className="portal-fingerprint">{byId.get(u.id)!.phrase}</code> : <span>{t("portal.confirm.skipped")}</span>}
          </li>
        ))}
      </ul>
      <SubmitRow label={t("portal.confirm")} busyLabel={t("portal.confirming")} busy={busy} error={error} disabled={ready.length === 0} onCancel={onClose} />
    </form>
  );
}
