import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
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
    <Dialog title="Remove members" open={users !== null} onClose={rest.onClose}>
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
      <p>Remove {users.map(label).join(", ")} from the provider? They lose access to every client at once.</p>
      <SubmitRow label="Remove" busyLabel="Removing…" busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
