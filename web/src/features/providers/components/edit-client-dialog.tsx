import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
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
    <Dialog title={client ? `Edit ${client.organizationName}` : "Edit client"} open={client !== null} onClose={rest.onClose}>
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
    if (!Number.isInteger(count) || count < 0) throw new Error("Seats must be a whole number (0 for no limit).");
    await updateClient(providerId, client.id, name, count);
    await refreshProfile();
    onSaved();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label="Organization name" value={name} onChange={setName} required maxLength={50} />
      <TextField label="Seats" type="number" min={0} value={seats} onChange={setSeats} />
      <p className="portal-hint">{client.occupiedSeats} seats are in use; 0 means no limit.</p>
      <SubmitRow label="Save" busyLabel="Saving…" busy={busy} error={error} disabled={!name.trim()} onCancel={onClose} />
    </form>
  );
}
