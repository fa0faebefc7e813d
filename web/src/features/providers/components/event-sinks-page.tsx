import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { Dialog } from "../../../components/ui/dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { createSink, deleteSink, listSinks, newWebhookSecret, SinkKind, SyslogTransport, updateSink, type EventSink } from "../api/operations-api";
import { useProvider } from "./use-provider";

const MaxSinks = 5;
const transportLabel: Record<number, string> = { [SyslogTransport.Tcp]: t("sinks.tcp"), [SyslogTransport.Tls]: t("sinks.tls"), [SyslogTransport.Udp]: t("sinks.udp") };
const kindLabel = (s: EventSink) => (s.kind === SinkKind.Webhook ? t("sinks.webhook") : t("sinks.syslog", { transport: transportLabel[s.transport] ?? "" }));
/** A sink as the API takes it back: the secret stays null, which keeps the stored one. */
const asRequest = (s: EventSink) => ({ kind: s.kind, target: s.target, transport: s.transport, secret: null, enabled: s.enabled });

/** Event sinks (provider admins): where the SIEM receives the audit roll-up, each with its delivery status. */
export function EventSinksPage() {
  const { providerId, isAdmin } = useProvider();
  const sinks = useAsync(() => (isAdmin ? listSinks(providerId) : Promise.resolve([])), [providerId, isAdmin]);
  const [rotating, setRotating] = useState<EventSink | null>(null);
  const [deleting, setDeleting] = useState<EventSink | null>(null);
  const { busy, error, handle } = useSubmit();
  if (!isAdmin) return <><PageHeader title={t("sinks.title")} /><p>{t("ops.adminsOnly")}</p></>;
  const rows = sinks.data;
  const toggle = (s: EventSink) => handle(async () => {
    await updateSink(providerId, s.id, { ...asRequest(s), enabled: !s.enabled });
    sinks.reload();
  });
  return (
    <div>
      <PageHeader title={t("sinks.title")} />
      <p className="portal-hint">{t("sinks.intro")}</p>
      <ErrorMessage message={error ?? sinks.error} />
      {rows === undefined ? (sinks.error ? null : <Loading />) : rows.length === 0 ? (
        <EmptyState title={t("sinks.none")}>{t("sinks.noneHint")}</EmptyState>
      ) : (
        <DataTable label={t("sinks.table")} rows={rows} rowKey={(s) => s.id} rowLabel={(s) => s.target}
          columns={[
            { key: "kind", header: t("sinks.kind"), cell: kindLabel },
            { key: "target", header: t("sinks.target"), cell: (s) => s.target, wrap: true },
            { key: "status", header: t("sinks.status"), cell: (s) => (s.enabled ? t("sinks.enabled") : t("sinks.disabled")) },
            { key: "delivered", header: t("sinks.lastDelivery"), cell: (s) => (s.lastDeliveryDate ? formatDateTime(s.lastDeliveryDate) : t("sinks.never")) },
            { key: "error", header: t("sinks.lastError"), cell: (s) => s.lastError ?? "—", wrap: true },
            { key: "pending", header: t("sinks.pending"), cell: (s) => s.pending },
          ]}
          actions={(s) => (
            <Button type="button" className="secondary small" disabled={busy} onClick={toggle(s)}>
              {t(s.enabled ? "sinks.disable" : "sinks.enable", { target: s.target })}
            </Button>
          )}
          menu={(s) => [
            s.kind === SinkKind.Webhook && { label: t("sinks.rotate", { target: s.target }), onAction: () => setRotating(s) },
            { label: t("sinks.delete", { target: s.target }), danger: true, onAction: () => setDeleting(s) },
          ]} />
      )}
      {rows && (rows.length < MaxSinks ? <AddSinkForm providerId={providerId} onAdded={sinks.reload} /> : <p className="portal-hint">{t("sinks.max")}</p>)}
      <Dialog title={t("sinks.rotateTitle")} open={rotating !== null} onClose={() => setRotating(null)}>
        {rotating && <RotateSecretForm onClose={() => setRotating(null)} save={async (secret) => {
          await updateSink(providerId, rotating.id, { ...asRequest(rotating), secret });
          setRotating(null);
          sinks.reload();
        }} />}
      </Dialog>
      <Dialog title={t("sinks.deleteTitle")} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting && <DeleteSinkForm sink={deleting} onClose={() => setDeleting(null)} remove={async () => {
          await deleteSink(providerId, deleting.id);
          setDeleting(null);
          sinks.reload();
        }} />}
      </Dialog>
    </div>
  );
}

/** The webhook's secret is made here and shown until the sink is added: the server never gives it back. */
function SecretField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <div className="portal-actions">
      <TextField label={t("sinks.secret")} value={value} onChange={onChange} minLength={16} maxLength={200} description={t("sinks.secretHint")}
        autoComplete="off" spellCheck={false} />
      <Button type="button" className="secondary" onClick={() => onChange(newWebhookSecret())}>{t("sinks.newSecret")}</Button>
    </div>
  );
}

function AddSinkForm({ providerId, onAdded }: { providerId: string; onAdded: () => void }) {
  const [kind, setKind] = useState(String(SinkKind.Webhook));
  const [target, setTarget] = useState("");
  const [transport, setTransport] = useState(String(SyslogTransport.Tls));
  const [secret, setSecret] = useState(newWebhookSecret);
  const { busy, error, handle } = useSubmit();
  const webhook = Number(kind) === SinkKind.Webhook;
  const submit = handle(async () => {
    await createSink(providerId, { kind: Number(kind), target: target.trim(), transport: webhook ? SyslogTransport.Tcp : Number(transport), secret: webhook ? secret : null, enabled: true });
    setTarget("");
    setSecret(newWebhookSecret());
    onAdded();
  });
  return (
    <form className="panel portal-form" onSubmit={submit} noValidate aria-label={t("sinks.add")}>
      <h2>{t("sinks.add")}</h2>
      <SelectField label={t("sinks.kind")} value={kind} onChange={setKind}
        options={[{ value: String(SinkKind.Webhook), label: t("sinks.webhook") }, { value: String(SinkKind.Syslog), label: t("sinks.syslogKind") }]} />
      {webhook ? (
        <>
          <TextField label={t("sinks.url")} type="url" value={target} onChange={setTarget} maxLength={500} placeholder="https://siem.example.com/hooks/custodian" />
          <SecretField value={secret} onChange={setSecret} />
        </>
      ) : (
        <>
          <TextField label={t("sinks.hostPort")} value={target} onChange={setTarget} maxLength={500} placeholder="siem.example.com:6514" />
          <SelectField label={t("sinks.transport")} value={transport} onChange={setTransport}
            options={Object.entries(transportLabel).map(([value, label]) => ({ value, label }))} />
        </>
      )}
      <SubmitRow label={webhook ? t("sinks.addWebhook") : t("sinks.addSyslog")} busyLabel={t("sinks.saving")} busy={busy} error={error}
        disabled={!target.trim() || (webhook && secret.length < 16)} />
    </form>
  );
}

function RotateSecretForm({ onClose, save }: { onClose: () => void; save: (secret: string) => Promise<void> }) {
  const [secret, setSecret] = useState(newWebhookSecret);
  const { busy, error, handle } = useSubmit();
  return (
    <form className="portal-form" onSubmit={handle(() => save(secret))} noValidate>
      <SecretField value={secret} onChange={setSecret} />
      <SubmitRow label={t("sinks.rotateSave")} busyLabel={t("ops.saving")} busy={busy} error={error} disabled={secret.length < 16} onCancel={onClose} />
    </form>
  );
}

function DeleteSinkForm({ sink, onClose, remove }: { sink: EventSink; onClose: () => void; remove: () => Promise<void> }) {
  const { busy, error, handle } = useSubmit();
  return (
    <form className="portal-form" onSubmit={handle(remove)}>
      <p>{t("sinks.deleteBody", { target: sink.target })}</p>
      <SubmitRow label={t("sinks.deleteConfirm")} busyLabel={t("ops.saving")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
