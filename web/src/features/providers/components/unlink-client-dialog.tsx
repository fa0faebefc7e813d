import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
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
    <Dialog title={t("portal.unlink.title")} open={client !== null} onClose={rest.onClose}>
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
      <p>{t("portal.unlink.body", { name: client.organizationName })}</p>
      <SubmitRow label={t("portal.clients.unlink")} busyLabel={t("portal.unlink.busy")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
