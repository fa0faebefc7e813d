import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { refreshProfile } from "../../../lib/profile";
import { keyStore } from "../../../lib/session";
import { useSubmit } from "../../../lib/use-submit";
import { listTemplates } from "../api/client-bulk-api";
import { createClient } from "../api/provider-clients-api";
import { useAsync } from "../../../lib/use-async";

/** The plans a provider's client can be created on (Bitwarden's PlanType numbers). */
const plans = [
  { value: "19", label: "Enterprise (Monthly)" },
  { value: "20", label: "Enterprise (Annually)" },
  { value: "17", label: "Teams (Monthly)" },
];

interface Props {
  open: boolean;
  providerId: string;
  onClose: () => void;
  onCreated: () => void;
}

export function NewClientDialog({ open, providerId, onClose, onCreated }: Props) {
  return (
    <Dialog title="New client" open={open} onClose={onClose}>
      <NewClientForm providerId={providerId} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function NewClientForm({ providerId, onClose, onCreated }: Omit<Props, "open">) {
  const [name, setName] = useState("");
  const [ownerEmail, setOwnerEmail] = useState("");
  const [plan, setPlan] = useState(plans[0]!.value);
  const [seats, setSeats] = useState("10");
  const [collectionName, setCollectionName] = useState("Default collection");
  const templates = useAsync(() => listTemplates(providerId), [providerId]);
  const [templateId, setTemplateId] = useState("");
  const { busy, error, handle } = useSubmit();

  const submit = handle(async () => {
    const providerKey = keyStore.providerKey(providerId);
    if (!providerKey) throw new Error("You do not hold this provider's key; a provider admin must confirm you first.");
    const seatCount = Number(seats);
    if (!Number.isInteger(seatCount) || seatCount < 0) throw new Error("Seats must be a whole number (0 for no limit).");
    await createClient(providerId, providerKey, { name, ownerEmail, planType: Number(plan), seats: seatCount, collectionName,
      template: templates.data?.find((x) => x.id === templateId) ?? null });
    // The new client's provider-wrapped key arrives with the profile; the Admin Console needs it.
    await refreshProfile();
    onCreated();
  });

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label="Organization name" value={name} onChange={setName} required maxLength={50} />
      <TextField label="Owner email" type="email" value={ownerEmail} onChange={setOwnerEmail} required />
      <p className="portal-hint">The owner is invited to the new organization; the organization's billing email is the provider's.</p>
      <SelectField label="Plan" value={plan} onChange={setPlan} options={plans} />
      <TextField label="Seats" type="number" min={0} value={seats} onChange={setSeats} />
      <TextField label="Default collection name" value={collectionName} onChange={setCollectionName} required />
      {(templates.data?.length ?? 0) > 0 && (
        <SelectField label="Template" value={templateId} onChange={setTemplateId}
          options={[{ value: "", label: "No template" }, ...(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
      )}
      <SubmitRow label="Create client" busyLabel="Creating…" busy={busy} error={error} onCancel={onClose}
        disabled={!name.trim() || !ownerEmail.trim() || !collectionName.trim()} />
    </form>
  );
}
