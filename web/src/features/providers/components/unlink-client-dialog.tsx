import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { refreshProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { unlinkClient } from "../api/provider-clients-api";
import type { ProviderClient } from "../api/provider-types";

interface Props {
  client: ProviderClient | null;
  providerId: string;
  onClose: () => void;
  onUnlinked: () => void;
}

export function UnlinkClientDialog({ client, ...rest }: Props) {
  return (
    <Dialog title="Unlink client" open={client !== null} onClose={rest.onClose}>
      {client && <UnlinkForm client={client} {...rest} />}
    </Dialog>
  );
}

/** The org and its data stay; the provider's users lose access to it. */
function UnlinkForm({ client, providerId, onClose, onUnlinked }: Props & { client: ProviderClient }) {
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await unlinkClient(providerId, client.id);
    await refreshProfile();
    onUnlinked();
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>
        Unlink {client.organizationName}? The organization and its data stay with its own owners; this provider's users
        lose access to it.
      </p>
      <SubmitRow label="Unlink" busyLabel="Unlinking…" busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
