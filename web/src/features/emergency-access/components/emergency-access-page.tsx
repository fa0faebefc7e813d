import { useState } from "react";
import { useNavigate } from "react-router";
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
import { toast } from "../../../components/ui/toast";
import { t, type MessageKey } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import {
  AccessType, Status, confirm, granteeKey, invite, listGranted, listTrusted, remove, step, takeOver, type EmergencyContact,
} from "../api/emergency-access-api";

const typeName = (c: EmergencyContact) => t(c.type === AccessType.View ? "emergency.typeView" : "emergency.typeTakeover");
const statusName = (c: EmergencyContact) => t(`emergency.status${c.status}` as MessageKey);
const who = (c: EmergencyContact) => c.name || c.email || "";

/**
 * Account settings → Emergency access, both sides: the contacts the user trusts (invite, confirm after comparing
 * the fingerprint phrase, approve or reject a request) and the accounts that trust the user (request access, then
 * view their vault or take the account over once granted).
 */
export function EmergencyAccessPage() {
  const trusted = useAsync(listTrusted, []);
  const granted = useAsync(listGranted, []);
  const { busy, error, handle } = useSubmit();
  const [confirming, setConfirming] = useState<EmergencyContact | null>(null);
  const [takingOver, setTakingOver] = useState<EmergencyContact | null>(null);
  const navigate = useNavigate();
  const act = (id: string, name: Parameters<typeof step>[1]) => handle(async () => { await step(id, name); trusted.reload(); granted.reload(); });

  return (
    <div className="stack">
      <PageHeader title={t("emergency.title")} />
      <p>{t("emergency.intro")}</p>
      <ErrorMessage message={error ?? trusted.error ?? granted.error} />
      <section aria-labelledby="trusted-heading" className="stack">
        <h2 id="trusted-heading">{t("emergency.trusted")}</h2>
        <InviteForm onInvited={trusted.reload} />
        {trusted.loading ? <Loading /> : (trusted.data ?? []).length === 0 ? <EmptyState title={t("emergency.noneTrusted")} /> : (
          <DataTable label={t("emergency.trusted")} rows={trusted.data ?? []} rowKey={(c) => c.id} rowLabel={who}
            columns={[
              { key: "contact", header: t("emergency.contact"), cell: who, sortValue: who, wrap: true },
              { key: "type", header: t("emergency.type"), cell: typeName },
              { key: "status", header: t("emergency.status"), cell: statusName },
              { key: "wait", header: t("emergency.wait"), cell: (c) => c.waitTimeDays },
            ]}
            actions={(c) => (<>
              {c.status === Status.Accepted && <Button className="small" onClick={() => setConfirming(c)}>{t("emergency.confirm")}</Button>}
              {c.status === Status.RecoveryInitiated && <Button className="small" disabled={busy} onClick={act(c.id, "approve")}>{t("emergency.approve")}</Button>}
              {c.status === Status.RecoveryInitiated && <Button className="small secondary" disabled={busy} onClick={act(c.id, "reject")}>{t("emergency.reject")}</Button>}
            </>)}
            menu={(c) => [
              c.status === Status.Invited && { label: t("emergency.reinvite"), onAction: () => void act(c.id, "reinvite")() },
              c.status === Status.RecoveryApproved && { label: t("emergency.revoke"), onAction: () => void act(c.id, "reject")() },
              { label: t("emergency.remove"), danger: true, onAction: () => void handle(async () => { await remove(c.id); trusted.reload(); })() },
            ]} />
        )}
      </section>
      <section aria-labelledby="granted-heading" className="stack">
        <h2 id="granted-heading">{t("emergency.granted")}</h2>
        {granted.loading ? <Loading /> : (granted.data ?? []).length === 0 ? <EmptyState title={t("emergency.noneGranted")} /> : (
          <DataTable label={t("emergency.granted")} rows={granted.data ?? []} rowKey={(c) => c.id} rowLabel={who}
            columns={[
              { key: "grantor", header: t("emergency.grantor"), cell: who, sortValue: who, wrap: true },
              { key: "type", header: t("emergency.type"), cell: typeName },
              { key: "status", header: t("emergency.status"), cell: statusName },
              { key: "wait", header: t("emergency.wait"), cell: (c) => c.waitTimeDays },
            ]}
            actions={(c) => (<>
              {c.status === Status.Confirmed && <Button className="small" disabled={busy} onClick={act(c.id, "initiate")}>{t("emergency.request")}</Button>}
              {c.status === Status.RecoveryApproved && c.type === AccessType.View &&
                <Button className="small" onClick={() => void navigate(`/settings/emergency-access/${c.id}/view?name=${encodeURIComponent(who(c))}`)}>{t("emergency.view")}</Button>}
              {c.status === Status.RecoveryApproved && c.type === AccessType.Takeover &&
                <Button className="small" onClick={() => setTakingOver(c)}>{t("emergency.takeover")}</Button>}
            </>)}
            menu={(c) => [{ label: t("emergency.remove"), danger: true, onAction: () => void handle(async () => { await remove(c.id); granted.reload(); })() }]} />
        )}
      </section>
      <Dialog title={t("emergency.confirmTitle", { name: confirming ? who(confirming) : "" })} open={confirming !== null} onClose={() => setConfirming(null)}>
        {confirming && <ConfirmContact contact={confirming} onClose={() => setConfirming(null)} onDone={() => { setConfirming(null); trusted.reload(); }} />}
      </Dialog>
      <Dialog title={t("emergency.takeoverTitle", { name: takingOver ? who(takingOver) : "" })} open={takingOver !== null} onClose={() => setTakingOver(null)}>
        {takingOver && <TakeoverForm contact={takingOver} onClose={() => setTakingOver(null)} />}
      </Dialog>
    </div>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState("");
  const [type, setType] = useState(String(AccessType.View));
  const [wait, setWait] = useState("7");
  const { busy, error, handle } = useSubmit();
  return (
    <form aria-label={t("emergency.invite")} className="portal-form" noValidate onSubmit={handle(async () => {
      await invite(email.trim(), Number(type), Number(wait));
      toast(t("toast.saved", { name: email.trim() }));
      setEmail("");
      onInvited();
    })}>
      <TextField label={t("emergency.email")} type="email" required value={email} onChange={setEmail} />
      <SelectField label={t("emergency.type")} value={type} onChange={setType}
        options={[{ value: String(AccessType.View), label: t("emergency.typeView") }, { value: String(AccessType.Takeover), label: t("emergency.typeTakeover") }]} />
      <TextField label={t("emergency.wait")} type="number" min={1} required value={wait} onChange={setWait} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !email.trim()}>{t("emergency.invite")}</Button>
    </form>
  );
}

function ConfirmContact({ contact, onClose, onDone }: { contact: EmergencyContact; onClose: () => void; onDone: () => void }) {
  const key = useAsync(() => granteeKey(contact.granteeId!), [contact.granteeId]);
  const { busy, error, handle } = useSubmit();
  if (key.loading) return <Loading />;
  return (
    <form className="portal-form" onSubmit={handle(async () => { await confirm(contact.id, key.data!.publicKey); onDone(); })}>
      <ErrorMessage message={key.error} />
      <p>{t("emergency.fingerprint")}</p>
      {key.data && <p><code aria-label={t("device.phrase")}>{key.data.phrase}</code></p>}
      <SubmitRow label={t("emergency.confirm")} busyLabel={t("emergency.confirm")} busy={busy} error={error} disabled={!key.data} onCancel={onClose} />
    </form>
  );
}

function TakeoverForm({ contact, onClose }: { contact: EmergencyContact; onClose: () => void }) {
  const [password, setPassword] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, handle } = useSubmit();
  if (done) {
    return (<>
      <p role="status">{t("emergency.takeoverDone", { name: who(contact) })}</p>
      <Button onClick={onClose}>{t("emergency.done")}</Button>
    </>);
  }
  return (
    <form className="portal-form" noValidate onSubmit={handle(async () => { await takeOver(contact.id, password); setDone(true); })}>
      <TextField label={t("emergency.newPassword")} type="password" autoComplete="new-password" required minLength={12} value={password} onChange={setPassword} />
      <SubmitRow label={t("emergency.takeover")} busyLabel={t("emergency.takeover")} busy={busy} error={error} disabled={password.length < 12} danger onCancel={onClose} />
    </form>
  );
}
