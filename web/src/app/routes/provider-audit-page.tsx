import { useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../components/ui/button";
import { PageHeader } from "../../components/ui/page-header";
import { SelectField } from "../../components/ui/select-field";
import { TextField } from "../../components/ui/text-field";
import { EventLogPage } from "../../features/events/components/event-log-page";
import { saveFile } from "../../lib/save-file";
import { t } from "../../lib/i18n/messages";
import { useAsync } from "../../lib/use-async";
import { findClients } from "../../features/providers/api/client-bulk-api";
import { auditExport } from "../../features/providers/api/operations-api";
import { listProviderUsers } from "../../features/providers/api/provider-users-api";
import { useProvider } from "../../features/providers/components/use-provider";

/**
 * The audit roll-up (provider admins), composed here because it joins two features (the events log, the provider's
 * clients and technicians): the event log over the provider's and its clients' events, narrowed to one
 * client or one technician (?technician= opens one technician's view), exported by the server as CSV or JSON lines.
 */
export function AuditRollupPage() {
  const { providerId, isAdmin } = useProvider();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get("client") ?? "";
  const providerUserId = params.get("technician") ?? "";
  const [search, setSearch] = useState("");
  const technicians = useAsync(() => (isAdmin ? listProviderUsers(providerId) : Promise.resolve([])), [providerId, isAdmin]);
  // Clients are found by name a page at a time, as everywhere at 10,000 clients.
  const clients = useAsync(() => (isAdmin ? findClients(providerId, search, null, null).then((r) => r.data) : Promise.resolve([])), [providerId, search, isAdmin]);
  if (!isAdmin) return <><PageHeader title={t("audit.title")} /><p>{t("ops.adminsOnly")}</p></>;

  const choose = (key: string, value: string) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });
  const filter = { organizationId: organizationId || null, providerUserId: providerUserId || null };
  const clientOptions = (clients.data ?? []).map((c) => ({ value: c.organizationId, label: c.organizationName }));
  if (organizationId && !clientOptions.some((o) => o.value === organizationId)) clientOptions.unshift({ value: organizationId, label: organizationId });
  return (
    <EventLogPage source={{ kind: "providerAudit", id: providerId, ...filter }} title={t("audit.title")} intro={t("audit.intro")}
        filters={(
          <>
            <TextField label={t("audit.findClient")} type="search" value={search} onChange={setSearch} optional />
            <SelectField label={t("audit.client")} value={organizationId} onChange={(v) => choose("client", v)}
              options={[{ value: "", label: t("audit.allClients") }, ...clientOptions]} />
            <SelectField label={t("audit.technician")} value={providerUserId} onChange={(v) => choose("technician", v)}
              options={[{ value: "", label: t("audit.allTechnicians") },
                ...(technicians.data ?? []).filter((u) => u.userId).map((u) => ({ value: u.id, label: u.name ? `${u.name} (${u.email ?? ""})` : (u.email ?? u.id) }))]} />
          </>
        )}
        exports={(range, run, disabled) => (["csv", "jsonl"] as const).map((format) => (
          <Button key={format} type="button" className="secondary" disabled={disabled}
            onClick={() => void run(async () => saveFile(await auditExport(providerId, filter, range, format),
              `provider-events-${range.start.slice(0, 10)}-${range.end.slice(0, 10)}.${format}`))}>
            {t(format === "csv" ? "audit.exportCsv" : "audit.exportJsonl")}
          </Button>
        ))} />
  );
}
