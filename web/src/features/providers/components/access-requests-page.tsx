import { useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable, type Column } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { toast } from "../../../components/ui/toast";
import { formatDateTime } from "../../../lib/i18n/format";
import { t, type MessageKey } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { actOnRequest, GrantStatus, isLive, listAccessRequests, type AccessGrant, type GrantAction } from "../api/access-api";
import { awaitsLabel, durationLabel, personLabel, statusLabel } from "./access-shared";
import { RequestAccessForm } from "./request-access-form";
import { useProvider } from "./use-provider";

const grantName = (g: AccessGrant) => `${personLabel(g)} → ${g.organizationName ?? g.organizationId}`;

const who: Column<AccessGrant> = { key: "who", header: t("access.technician"), wrap: true, cell: (g) => personLabel(g), sortValue: (g) => personLabel(g) };
const client: Column<AccessGrant> = { key: "client", header: t("access.client"), cell: (g) => g.organizationName ?? "", sortValue: (g) => g.organizationName ?? "" };
const reason: Column<AccessGrant> = { key: "reason", header: t("access.reason"), wrap: true, cell: (g) => g.reason };

/**
 * Time-boxed access: any technician asks for a client with a reason and a duration; admins approve or deny what
 * waits for the provider, and revoke; everyone sees what is live now. Technicians see only their own requests.
 */
export function AccessRequestsPage() {
  const { providerId, isAdmin } = useProvider();
  const grants = useAsync(() => listAccessRequests(providerId), [providerId]);
  const [asking, setAsking] = useState(false);
  const act = useSubmit();
  const rows = grants.data ?? [];
  const now = Date.now();
  const active = rows.filter((g) => isLive(g, now));
  const pending = rows.filter((g) => g.status === GrantStatus.Requested);
  const ended = rows.filter((g) => g.status !== GrantStatus.Requested && !isLive(g, now));

  const run = (g: AccessGrant, action: GrantAction) => act.handle(async () => {
    await actOnRequest(providerId, g.id, action);
    toast(t(`requests.done.${action}` as MessageKey, { name: grantName(g) }));
    grants.reload();
  });
  const button = (g: AccessGrant, action: GrantAction, label: MessageKey, className = "secondary small") => (
    <Button key={action} type="button" className={className} disabled={act.busy}
      aria-label={t(`requests.${action}Named` as MessageKey, { name: grantName(g) })} onClick={run(g, action)}>{t(label)}</Button>
  );

  return (
    <div>
      <PageHeader title={t("requests.title")}>
        <Button type="button" onClick={() => setAsking(true)}>{t("requests.ask")}</Button>
      </PageHeader>
      <ErrorMessage message={grants.error ?? act.error} />
      {grants.loading && <Loading />}
      {grants.data && (
        <>
          <Section title={t("requests.active")} empty={t("requests.activeEmpty")} rows={active}
            columns={[who, client, reason, { key: "expires", header: t("access.expires"), cell: (g) => formatDateTime(g.expiresAt!), sortValue: (g) => g.expiresAt! }]}
            actions={(g) => button(g, "revoke", "requests.revoke", "danger small")} />
          <Section title={t("requests.pending")} empty={t("requests.pendingEmpty")} rows={pending}
            columns={[who, client, reason, { key: "duration", header: t("access.duration"), cell: (g) => durationLabel(g.durationMinutes) },
              { key: "awaits", header: t("access.waitingFor"), cell: awaitsLabel }]}
            actions={(g) => (
              <>
                {isAdmin && g.awaitsProvider && button(g, "approve", "requests.approve", "small")}
                {isAdmin && g.awaitsProvider && button(g, "deny", "requests.deny")}
                {button(g, "revoke", "requests.cancel")}
              </>
            )} />
          <Section title={t("requests.history")} empty={t("requests.historyEmpty")} rows={ended}
            columns={[who, client, reason, { key: "status", header: t("access.status"), cell: statusLabel },
              { key: "when", header: t("access.requested"), cell: (g) => formatDateTime(g.creationDate), sortValue: (g) => g.creationDate }]} />
        </>
      )}
      <Dialog title={t("requests.askTitle")} open={asking} onClose={() => setAsking(false)}>
        <RequestAccessForm providerId={providerId} onCancel={() => setAsking(false)} onDone={() => (setAsking(false), grants.reload())} />
      </Dialog>
    </div>
  );
}

function Section({ title, empty, rows, columns, actions }: {
  title: string; empty: string; rows: AccessGrant[]; columns: Column<AccessGrant>[]; actions?: (g: AccessGrant) => ReactNode;
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? <p>{empty}</p> : <DataTable label={title} rows={rows} rowKey={(g) => g.id} rowLabel={grantName} columns={columns} actions={actions} />}
    </section>
  );
}
