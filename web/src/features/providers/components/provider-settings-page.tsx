import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { getProvider, updateProvider, type ProviderFields } from "../api/provider-api";
import type { ProviderDetails } from "../api/provider-types";
import { AccessSettingsPanel } from "./access-settings-panel";
import { ProviderApiKeyPanel } from "./provider-api-key-panel";
import { ProviderFieldInputs } from "./provider-fields";
import { useProvider } from "./use-provider";

export function ProviderSettingsPage() {
  const { providerId, isAdmin } = useProvider();
  const provider = useAsync(() => getProvider(providerId), [providerId]);
  return (
    <div>
      <PageHeader title={t("portal.settings.title")} />
      <ErrorMessage message={provider.error} />
      {provider.loading && <Loading label={t("portal.settings.loading")} />}
      {provider.data && <SettingsForm key={provider.data.id} provider={provider.data} canEdit={isAdmin} />}
      <AccessSettingsPanel providerId={providerId} canEdit={isAdmin} />
      {isAdmin && <ProviderApiKeyPanel providerId={providerId} />}
    </div>
  );
}

/** Service users may read the settings; only provider admins change them (the server enforces it too). */
function SettingsForm({ provider, canEdit }: { provider: ProviderDetails; canEdit: boolean }) {
  const [fields, setFields] = useState<ProviderFields>({
    name: provider.name, businessName: provider.businessName ?? "", billingEmail: provider.billingEmail ?? "",
  });
  const [saved, setSaved] = useState(false);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    setSaved(false);
    const updated = await updateProvider(provider.id, fields);
    setFields({ name: updated.name, businessName: updated.businessName ?? "", billingEmail: updated.billingEmail ?? "" });
    await refreshProfile();
    setSaved(true);
  });
  return (
    <form className="panel portal-form" onSubmit={submit} noValidate>
      {!canEdit && <p>{t("portal.settings.adminsOnly")}</p>}
      <ProviderFieldInputs value={fields} onChange={setFields} disabled={!canEdit} />
      <ErrorMessage message={error} />
      {saved && <p role="status">{t("portal.saved")}</p>}
      {canEdit && <Button type="submit" disabled={busy || !fields.name.trim() || !fields.billingEmail.trim()}>{busy ? t("portal.saving") : t("portal.save")}</Button>}
    </form>
  );
}
