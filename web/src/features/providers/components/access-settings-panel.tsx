import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { toast } from "../../../components/ui/toast";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { getAccessSettings, updateAccessSettings, updateClientAccessSetting, type AccessSettings } from "../api/access-api";
import { useFiltered, useProviderClients } from "./access-shared";

const ruleLabel = (needsApproval: boolean) => t(needsApproval ? "settings.ruleApproval" : "settings.ruleAtOnce");

/** The provider's rule for access requests: the longest grant, whether an admin must approve, and per-client exceptions. */
export function AccessSettingsPanel({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const settings = useAsync(() => getAccessSettings(providerId), [providerId]);
  return (
    <section className="panel portal-form" aria-label={t("settings.accessTitle")}>
      <h2>{t("settings.accessTitle")}</h2>
      <ErrorMessage message={settings.error} />
      {settings.loading && !settings.data && <Loading />}
      {settings.data && <AccessForm key={JSON.stringify(settings.data)} providerId={providerId} settings={settings.data} canEdit={canEdit} onSaved={settings.reload} />}
    </section>
  );
}

function AccessForm({ providerId, settings, canEdit, onSaved }: { providerId: string; settings: AccessSettings; canEdit: boolean; onSaved: () => void }) {
  const [minutes, setMinutes] = useState(String(settings.maxGrantMinutes));
  const [needsApproval, setNeedsApproval] = useState(settings.requestsNeedApproval);
  const clients = useProviderClients(providerId);
  const names = new Map(clients.map((c) => [c.id, c.name]));
  const { search, setSearch, shown } = useFiltered(clients, (c) => c.name);
  const [clientId, setClientId] = useState("");
  const [rule, setRule] = useState("approval");
  const save = useSubmit();
  const valid = /^\d+$/.test(minutes) && Number(minutes) >= 15 && Number(minutes) <= 10080;
  const submit = save.handle(async () => {
    await updateAccessSettings(providerId, Number(minutes), needsApproval);
    toast(t("settings.saved"));
    onSaved();
  });
  const setClientRule = (organizationId: string, value: boolean | null) => save.handle(async () => {
    await updateClientAccessSetting(providerId, organizationId, value);
    toast(t("settings.saved"));
    onSaved();
  });
  return (
    <>
      <form onSubmit={submit} noValidate aria-label={t("settings.accessTitle")}>
        <TextField label={t("settings.maxMinutes")} description={t("settings.maxMinutesHint")} inputMode="numeric" value={minutes}
          onChange={setMinutes} disabled={!canEdit} />
        <CheckboxField label={t("settings.needApproval")} checked={needsApproval} onChange={setNeedsApproval} disabled={!canEdit} />
        <p className="portal-muted">{t("settings.needApprovalHint")}</p>
        {canEdit && <Button type="submit" disabled={save.busy || !valid}>{t("settings.save")}</Button>}
      </form>
      <h3>{t("settings.clientRules")}</h3>
      {settings.clients.length === 0 ? <p>{t("settings.noClientRules")}</p> : (
        <DataTable label={t("settings.clientRules")} rows={settings.clients} rowKey={(c) => c.organizationId}
          rowLabel={(c) => names.get(c.organizationId) ?? c.organizationId}
          columns={[
            { key: "client", header: t("access.client"), cell: (c) => names.get(c.organizationId) ?? c.organizationId },
            { key: "rule", header: t("settings.clientRule"), cell: (c) => ruleLabel(c.requestsNeedApproval) },
          ]}
          menu={canEdit ? (c) => [{ label: t("settings.ruleDefault"), onAction: () => void setClientRule(c.organizationId, null)() }] : undefined} />
      )}
      {canEdit && (
        <form onSubmit={setClientRule(clientId, rule === "approval")} noValidate aria-label={t("settings.setRule")}>
          <TextField label={t("access.findClient")} type="search" value={search} onChange={setSearch} optional />
          <SelectField label={t("access.client")} value={clientId} onChange={setClientId}
            options={[{ value: "", label: "—" }, ...shown.map((c) => ({ value: c.id, label: c.name }))]} />
          <SelectField label={t("settings.clientRule")} value={rule} onChange={setRule}
            options={[{ value: "approval", label: ruleLabel(true) }, { value: "now", label: ruleLabel(false) }]} />
          <Button type="submit" className="secondary" disabled={save.busy || !clientId}>{t("settings.setRule")}</Button>
        </form>
      )}
      <ErrorMessage message={save.error} />
    </>
  );
}
