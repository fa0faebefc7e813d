import { useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { toast } from "../../../components/ui/toast";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { clientDecide, getClientProviderAccess, GrantStatus, setClientApproval, type AccessGrant, type ClientProviderAccess,
  type Reach } from "../api/access-api";
import { awaitsLabel, durationLabel, personLabel, statusLabel, viaLabel } from "./access-shared";

/**
 * The client's view of its provider: who receives its items now and how, requests waiting for its approval (when it
 * asks to approve them), its approval rule, and the provider access events of its own log.
 */
export function ClientAccessPage({ orgId, history }: { orgId: string; history: (changes: number) => ReactNode }) {
  const access = useAsync(() => getClientProviderAccess(orgId), [orgId]);
  // A decision adds events: the history (app/ composes it from the events feature) reads them again.
  const [changes, setChanges] = useState(0);
  const reload = () => (access.reload(), setChanges((n) => n + 1));
  return (
    <div>
      <PageHeader title={t("clientAccess.title")} />
      <ErrorMessage message={access.error} />
      {access.loading && !access.data && <Loading />}
      {access.data && !access.data.providerId && <p>{t("clientAccess.noProvider")}</p>}
      {access.data?.providerId && <Overview orgId={orgId} access={access.data} onChanged={reload} />}
      {access.data?.providerId && history(changes)}
    </div>
  );
}

function Overview({ orgId, access, onChanged }: { orgId: string; access: ClientProviderAccess; onChanged: () => void }) {
  const [requires, setRequires] = useState(access.requiresApproval);
  const save = useSubmit();
  const saveRule = save.handle(async () => {
    await setClientApproval(orgId, requires);
    toast(t("clientAccess.ruleSaved"));
    onChanged();
  });
  const decide = (g: AccessGrant, approve: boolean) => save.handle(async () => {
    await clientDecide(orgId, g.id, approve);
    toast(t(approve ? "requests.done.approve" : "requests.done.deny", { name: personLabel(g) }));
    onChanged();
  });
  const waiting = access.grants.filter((g) => g.status === GrantStatus.Requested && g.awaitsClient);
  return (
    <>
      <p>{t("clientAccess.provider", { name: access.providerName ?? "" })}</p>
      <p className="portal-muted">{t("clientAccess.zeroKnowledge")}</p>
      <form className="panel portal-form" onSubmit={saveRule} aria-label={t("clientAccess.rule")}>
        <CheckboxField label={t("clientAccess.requireApproval")} checked={requires} onChange={setRequires} />
        <p className="portal-muted">{t("clientAccess.requireApprovalHint")}</p>
        <Button type="submit" disabled={save.busy || requires === access.requiresApproval}>{t("clientAccess.saveRule")}</Button>
      </form>
      <ErrorMessage message={save.error} />

      <section aria-label={t("clientAccess.now")}>
        <h2>{t("clientAccess.now")}</h2>
        {access.now.length === 0 ? <p>{t("clientAccess.nowEmpty")}</p> : (
          <DataTable label={t("clientAccess.now")} rows={access.now} rowKey={(r: Reach) => `${r.providerUserId}:${r.via}:${r.teamId ?? r.grantId ?? ""}`}
            columns={[
              { key: "who", header: t("access.technician"), wrap: true, cell: (r) => personLabel(r), sortValue: (r) => personLabel(r) },
              { key: "how", header: t("access.how"), cell: viaLabel },
            ]} />
        )}
      </section>

      {waiting.length > 0 && (
        <section aria-label={t("clientAccess.waiting")}>
          <h2>{t("clientAccess.waiting")}</h2>
          <DataTable label={t("clientAccess.waiting")} rows={waiting} rowKey={(g) => g.id} rowLabel={(g) => personLabel(g)}
            columns={[
              { key: "who", header: t("access.technician"), wrap: true, cell: (g) => personLabel(g) },
              { key: "reason", header: t("access.reason"), wrap: true, cell: (g) => g.reason },
              { key: "duration", header: t("access.duration"), cell: (g) => durationLabel(g.durationMinutes) },
            ]}
            actions={(g) => (
              <>
                <Button type="button" className="small" disabled={save.busy} aria-label={t("requests.approveNamed", { name: personLabel(g) })}
                  onClick={decide(g, true)}>{t("requests.approve")}</Button>
                <Button type="button" className="secondary small" disabled={save.busy} aria-label={t("requests.denyNamed", { name: personLabel(g) })}
                  onClick={decide(g, false)}>{t("requests.deny")}</Button>
              </>
            )} />
        </section>
      )}

      <section aria-label={t("clientAccess.requests")}>
        <h2>{t("clientAccess.requests")}</h2>
        {access.grants.length === 0 ? <p>{t("clientAccess.requestsEmpty")}</p> : (
          <DataTable label={t("clientAccess.requests")} rows={access.grants} rowKey={(g) => g.id}
            columns={[
              { key: "who", header: t("access.technician"), wrap: true, cell: (g) => personLabel(g) },
              { key: "reason", header: t("access.reason"), wrap: true, cell: (g) => g.reason },
              { key: "status", header: t("access.status"), cell: (g) => (g.status === GrantStatus.Requested ? `${statusLabel(g)} (${awaitsLabel(g)})` : statusLabel(g)) },
              { key: "when", header: t("access.requested"), cell: (g) => formatDateTime(g.creationDate), sortValue: (g) => g.creationDate },
            ]} initialSort={{ key: "when", direction: "descending" }} />
        )}
      </section>
    </>
  );
}
