import { formatNumber } from "../../../lib/i18n/format";
import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { updateClient } from "../api/provider-clients-api";
import type { ProviderClient } from "../api/provider-types";

interface Props {
  client: ProviderClient | null;
  providerId: string;
  onClose: () => void;
  onSaved: () => void;
}

export function EditClientDialog({ client, ...rest }: Props) {
  return (
    <Dialog title={client ? t("portal.editNamed", { name: client.organizationName }) : t("portal.editClient.title")} open={client !== null} onClose={rest.onClose}>
      {client && <EditClientForm client={client} {...rest} />}
    </Dialog>
  );
}

function EditClientForm({ client, providerId, onClose, onSaved }: Props & { client: ProviderClient }) {
  const [name, setName] = useState(client.organizationName);
  const [seats, setSeats] = useState(String(client.seats ?? 0));
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const count = Number(seats);
    if (!Number.isInteger(count) || count < 0) throw new Error(t("portal.seatsInvalid"));
    await updateClient(providerId, client.id, name, count);
    await refreshProfile();
    onSaved();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("portal.organizationName")} value={name} onChange={setName} required maxLength={50} />
      <TextField label={t("portal.seats")} type="number" min={0} value={seats} onChange={setSeats} />
      <p className="portal-hint">{t("portal.editClient.seatsInUse", { count: formatNumber(client.occupiedSeats) })}</p>
      <SubmitRow label={t("portal.save")} busyLabel={t("portal.saving")} busy={busy} error={error} disabled={!name.trim()} onCancel={onClose} />
    </form>
  );
}
