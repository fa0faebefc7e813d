import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { keyStore } from "../../../lib/session";
import { useSubmit } from "../../../lib/use-submit";
import { listTemplates } from "../api/client-bulk-api";
import { createClient } from "../api/provider-clients-api";
import { useAsync } from "../../../lib/use-async";

/** The plans a provider's client can be created on (Bitwarden's PlanType numbers). */
const plans = [
  { value: "19", label: t("portal.newClient.plan.enterpriseMonthly") },
  { value: "20", label: t("portal.newClient.plan.enterpriseAnnually") },
  { value: "17", label: t("portal.newClient.plan.teamsMonthly") },
];

interface Props {
  open: boolean;
  providerId: string;
  onClose: () => void;
  onCreated: () => void;
}

export function NewClientDialog({ open, providerId, onClose, onCreated }: Props) {
  return (
    <Dialog title={t("portal.newClient.title")} open={open} onClose={onClose}>
      <NewClientForm providerId={providerId} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function NewClientForm({ providerId, onClose, onCreated }: Omit<Props, "open">) {
  const [name, setName] = useState("");
  const [ownerEmail, setOwnerEmail] = useState("");
  const [plan, setPlan] = useState(plans[0]!.value);
  const [seats, setSeats] = useState("10");
  const [collectionName, setCollectionName] = useState(t("portal.newClient.defaultCollection"));
  const templates = useAsync(() => listTemplates(providerId), [providerId]);
  const [templateId, setTemplateId] = useState("");
  const { busy, error, handle } = useSubmit();

  const submit = handle(async () => {
    const providerKey = keyStore.providerKey(providerId);
    if (!providerKey) throw new Error(t("portal.noProviderKey"));
    const seatCount = Number(seats);
    if (!Number.isInteger(seatCount) || seatCount < 0) throw new Error(t("portal.seatsInvalid"));
    await createClient(providerId, providerKey, { name, ownerEmail, planType: Number(plan), seats: seatCount, collectionName,
      template: templates.data?.find((x) => x.id === templateId) ?? null });
    // The new client's provider-wrapped key arrives with the profile; the Admin Console needs it.
    await refreshProfile();
    onCreated();
  });

  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("portal.organizationName")} value={name} onChange={setName} required maxLength={50} />
      <TextField label={t("portal.newClient.ownerEmail")} type="email" value={ownerEmail} onChange={setOwnerEmail} required />
      <p className="portal-hint">{t("portal.newClient.ownerHint")}</p>
      <SelectField label={t("portal.newClient.plan")} value={plan} onChange={setPlan} options={plans} />
      <TextField label={t("portal.seats")} type="number" min={0} value={seats} onChange={setSeats} />
      <TextField label={t("portal.newClient.collectionName")} value={collectionName} onChange={setCollectionName} required />
      {(templates.data?.length ?? 0) > 0 && (
        <SelectField label={t("portal.newClient.template")} value={templateId} onChange={setTemplateId}
          options={[{ value: "", label: t("portal.newClient.noTemplate") }, ...(templates.data ?? []).map((x) => ({ value: x.id, label: x.name }))]} />
      )}
      <SubmitRow label={t("portal.newClient.submit")} busyLabel={t("portal.newClient.busy")} busy={busy} error={error} onCancel={onClose}
        disabled={!name.trim() || !ownerEmail.trim() || !collectionName.trim()} />
    </form>
  );
}
