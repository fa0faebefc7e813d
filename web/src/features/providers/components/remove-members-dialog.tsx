import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { removeProviderUsers } from "../api/provider-users-api";
import type { BulkResult, ProviderUserDetails } from "../api/provider-types";

interface Props {
  users: ProviderUserDetails[] | null;
  providerId: string;
  label: (u: ProviderUserDetails) => string;
  onClose: () => void;
  onDone: (results: BulkResult[]) => void;
}

export function RemoveMembersDialog({ users, ...rest }: Props) {
  return (
    <Dialog title={t("portal.remove.title")} open={users !== null} onClose={rest.onClose}>
      {users && <RemoveForm users={users} {...rest} />}
    </Dialog>
  );
}

/** Removed users lose the provider and its clients at once; nothing is re-keyed. */
function RemoveForm({ users, providerId, label, onClose, onDone }: Props & { users: ProviderUserDetails[] }) {
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => onDone(await removeProviderUsers(providerId, users.map((u) => u.id))));
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>{t("portal.remove.body", { names: users.map(label).join(", ") })}</p>
      <SubmitRow label={t("portal.remove")} busyLabel={t("portal.removing")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
