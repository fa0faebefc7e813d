import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { formatDate, formatNumber } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import {
  createAdminProvider, deleteAdminProvider, listAdminProviders, PROVIDER_TYPES, providerStatusLabel, providerTypeLabel, resendProviderSetup, setAdminProviderEnabled,
  type AdminProvider,
} from "../api/admin-api";

const typeOptions = () => PROVIDER_TYPES.map((type) => ({ value: String(type), label: providerTypeLabel(type) }));

/** Providers: status, owner's (billing) email, created; resend the setup mail of a pending one; enable or disable. */
export function AdminProviders() {
  const providers = useAsync(listAdminProviders, []);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<AdminProvider | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useSubmit();
  const rows = providers.data ?? [];

  const resend = (p: AdminProvider) => action.handle(async () => {
    setNotice(null);
    await resendProviderSetup(p.id);
    setNotice(t("admin.providers.resent", { name: p.name }));
  });
  const toggle = (p: AdminProvider) => action.handle(async () => {
    setNotice(null);
    await setAdminProviderEnabled(p, !p.enabled);
    providers.reload();
  });

  return (
    <section aria-labelledby="admin-providers">
      <div className="page-header">
        <h2 id="admin-providers">{t("admin.providers.title")}</h2>
        <Button type="button" onClick={() => setCreating(true)}>{t("admin.providers.create")}</Button>
      </div>
      <ErrorMessage message={providers.error ?? action.error} />
      {notice && <p role="status">{notice}</p>}
      {providers.loading && <Loading label={t("admin.providers.loading")} />}
      {!providers.loading && rows.length === 0 && !providers.error && <p>{t("admin.providers.empty")}</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("admin.providers.name")}</th><th scope="col">{t("admin.providers.type")}</th>
              <th scope="col">{t("admin.providers.status")}</th><th scope="col">{t("admin.providers.ownerEmail")}</th>
              <th scope="col">{t("admin.providers.clients")}</th><th scope="col">{t("admin.providers.users")}</th>
              <th scope="col">{t("admin.providers.created")}</th><th scope="col">{t("admin.providers.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{providerTypeLabel(p.type)}</td>
                <td>{providerStatusLabel(p.status)}{!p.enabled && t("admin.providers.disabledSuffix")}</td>
                <td>{p.billingEmail}</td>
                <td>{formatNumber(p.clients)}</td>
                <td>{formatNumber(p.users)}</td>
                <td>{formatDate(p.creationDate)}</td>
                <td className="portal-row-actions">
                  {p.status === 0 && (
                    <Button type="button" className="secondary" disabled={action.busy} aria-label={t("admin.providers.resendTo", { name: p.name })} onClick={resend(p)}>
                      {t("admin.providers.resend")}
                    </Button>
                  )}
                  <Button type="button" className="secondary" disabled={action.busy} aria-label={t(p.enabled ? "admin.providers.disableNamed" : "admin.providers.enableNamed", { name: p.name })}
                    onClick={toggle(p)}>
                    {p.enabled ? t("admin.providers.disable") : t("admin.providers.enable")}
                  </Button>
                  <Button type="button" className="secondary" aria-label={t("admin.providers.deleteNamed", { name: p.name })} onClick={() => setDeleting(p)}>
                    {t("admin.providers.delete")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title={t("admin.providers.create")} open={creating} onClose={() => setCreating(false)}>
        <CreateProviderForm onClose={() => setCreating(false)} onCreated={(p) => {
          setCreating(false);
          setNotice(t("admin.providers.created.notice", { name: p.name, email: p.billingEmail ?? "" }));
          providers.reload();
        }} />
      </Dialog>
      <Dialog title={t("admin.providers.deleteTitle")} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting && <DeleteProviderForm provider={deleting} onClose={() => setDeleting(null)} onDeleted={() => {
          setNotice(t("admin.providers.deleted", { name: deleting.name }));
          setDeleting(null);
          providers.reload();
        }} />}
      </Dialog>
    </section>
  );
}

function CreateProviderForm({ onClose, onCreated }: { onClose: () => void; onCreated: (p: AdminProvider) => void }) {
  const [name, setName] = useState("");
  const [ownerEmail, setOwnerEmail] = useState("");
  const [type, setType] = useState("0");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => onCreated(await createAdminProvider({ name, ownerEmail, type: Number(type) })));
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("admin.providers.newName")} value={name} onChange={setName} required maxLength={50} />
      <TextField label={t("admin.providers.newOwnerEmail")} type="email" value={ownerEmail} onChange={setOwnerEmail} required />
      <SelectField label={t("admin.providers.newType")} value={type} onChange={setType} options={typeOptions()} />
      <SubmitRow label={t("admin.providers.createButton")} busyLabel={t("admin.providers.creating")} busy={busy} error={error} onCancel={onClose}
        disabled={!name.trim() || !ownerEmail.trim()} />
    </form>
  );
}

function DeleteProviderForm({ provider, onClose, onDeleted }: { provider: AdminProvider; onClose: () => void; onDeleted: () => void }) {
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await deleteAdminProvider(provider.id);
    onDeleted();
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>{t("admin.providers.deleteConfirm", { name: provider.name })}</p>
      <SubmitRow label={t("admin.providers.delete")} busyLabel={t("admin.providers.deleting")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
