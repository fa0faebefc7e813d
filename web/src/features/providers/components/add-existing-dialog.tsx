import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { keyStore } from "../../../lib/session";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { addExistingClient, listAddableOrganizations } from "../api/provider-clients-api";

interface Props {
  open: boolean;
  providerId: string;
  onClose: () => void;
  onAdded: () => void;
}

export function AddExistingDialog({ open, providerId, onClose, onAdded }: Props) {
  return (
    <Dialog title={t("portal.addExisting.title")} open={open} onClose={onClose}>
      <AddExistingForm providerId={providerId} onClose={onClose} onAdded={onAdded} />
    </Dialog>
  );
}

/** Orgs the user owns join the provider; their keys, held as a member, are wrapped with the provider key. */
function AddExistingForm({ providerId, onClose, onAdded }: Omit<Props, "open">) {
  const addable = useAsync(() => listAddableOrganizations(providerId), [providerId]);
  const [chosen, setChosen] = useState("");
  const { busy, error, handle } = useSubmit();
  const options = (addable.data ?? []).filter((o) => !o.disabled).map((o) => ({ value: o.id, label: t("portal.addExisting.option", { name: o.name, plan: o.plan }) }));
  const selected = chosen || options[0]?.value || "";

  const submit = handle(async () => {
    const providerKey = keyStore.providerKey(providerId);
    if (!providerKey) throw new Error(t("portal.noProviderKey"));
    await addExistingClient(providerId, providerKey, selected);
    await refreshProfile();
    onAdded();
  });

  if (addable.loading) return <Loading label={t("portal.addExisting.loading")} />;
  return (
    <form className="portal-form" onSubmit={submit}>
      <ErrorMessage message={addable.error} />
      {options.length === 0 && !addable.error && <p>{t("portal.addExisting.none")}</p>}
      {options.length > 0 && <SelectField label={t("portal.addExisting.organization")} value={selected} onChange={setChosen} options={options} />}
      <SubmitRow label={t("portal.addExisting.submit")} busyLabel={t("portal.addExisting.busy")} busy={busy} error={error} disabled={!selected} onCancel={onClose} />
    </form>
  );
}
