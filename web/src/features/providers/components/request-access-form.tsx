import { useState } from "react";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { toast } from "../../../components/ui/toast";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { getAccessSettings, isLive, requestAccess } from "../api/access-api";
import { durationLabel, useFiltered, useProviderClients } from "./access-shared";

/** Durations offered, up to the provider's longest. */
const DURATIONS = [15, 30, 60, 120, 240, 480, 1440, 4320, 10080];

/** A technician asks for one client, saying why and for how long. */
export function RequestAccessForm({ providerId, onDone, onCancel }: { providerId: string; onDone: () => void; onCancel: () => void }) {
  const clients = useProviderClients(providerId);
  const { search, setSearch, shown } = useFiltered(clients, (c) => c.name);
  const settings = useAsync(() => getAccessSettings(providerId), [providerId]);
  const max = settings.data?.maxGrantMinutes ?? 60;
  const durations = [...new Set([...DURATIONS.filter((d) => d <= max), max])].sort((a, b) => a - b);
  const [organizationId, setOrganizationId] = useState("");
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState("60");
  const chosen = clients.find((c) => c.id === organizationId);
  const options = chosen && !shown.includes(chosen) ? [chosen, ...shown] : shown;
  const duration = Math.min(Number(minutes), max);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    const grant = await requestAccess(providerId, organizationId, reason.trim(), duration);
    const name = grant.organizationName ?? chosen?.name ?? "";
    if (isLive(grant)) {
      toast(t("requests.granted", { name, time: formatDateTime(grant.expiresAt!) }));
      // The Vault reads the client's items after the next sync; the profile is read again with it.
      await refreshProfile();
    } else {
      toast(t("requests.sent", { name }));
    }
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <p>{t("requests.askHint")}</p>
      <TextField label={t("access.findClient")} type="search" value={search} onChange={setSearch} optional />
      <SelectField label={t("access.client")} value={organizationId} onChange={setOrganizationId} required
        options={[{ value: "", label: "—" }, ...options.map((c) => ({ value: c.id, label: c.name }))]} />
      <TextField label={t("access.reason")} value={reason} onChange={setReason} minLength={3} maxLength={500} required />
      <SelectField label={t("access.duration")} value={String(duration)} onChange={setMinutes}
        options={durations.map((d) => ({ value: String(d), label: durationLabel(d) }))} />
      <SubmitRow label={t("requests.send")} busyLabel={t("access.loading")} busy={busy} error={error ?? settings.error}
        disabled={!organizationId || reason.trim().length < 3} onCancel={onCancel} />
    </form>
  );
}
