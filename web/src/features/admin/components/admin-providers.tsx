import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import {
  createAdminProvider, deleteAdminProvider, listAdminProviders, providerStatusLabel, providerTypeLabel, resendProviderSetup, setAdminProviderEnabled,
  type AdminProvider,
} from "../api/admin-api";

const typeOptions = Object.entries(providerTypeLabel).map(([value, label]) => ({ value, label }));

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
    setNotice(`The setup invitation for ${p.name} was sent again.`);
  });
  const toggle = (p: AdminProvider) => action.handle(async () => {
    setNotice(null);
    await setAdminProviderEnabled(p, !p.enabled);
    providers.reload();
  });

  return (
    <section aria-labelledby="admin-providers">
      <div className="page-header">
        <h2 id="admin-providers">Providers</h2>
        <Button type="button" onClick={() => setCreating(true)}>Create provider</Button>
      </div>
      <ErrorMessage message={providers.error ?? action.error} />
      {notice && <p role="status">{notice}</p>}
      {providers.loading && <Loading label="Loading providers…" />}
      {!providers.loading && rows.length === 0 && !providers.error && <p>No providers yet.</p>}
      {rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Owner / billing email</th>
              <th scope="col">Clients</th><th scope="col">Users</th><th scope="col">Created</th><th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{providerTypeLabel[p.type] ?? p.type}</td>
                <td>{providerStatusLabel[p.status] ?? p.status}{!p.enabled && " (disabled)"}</td>
                <td>{p.billingEmail}</td>
                <td>{p.clients}</td>
                <td>{p.users}</td>
                <td>{new Date(p.creationDate).toLocaleDateString()}</td>
                <td className="portal-row-actions">
                  {p.status === 0 && (
                    <Button type="button" className="secondary" disabled={action.busy} aria-label={`Resend setup to ${p.name}`} onClick={resend(p)}>
                      Resend setup
                    </Button>
                  )}
                  <Button type="button" className="secondary" disabled={action.busy} aria-label={`${p.enabled ? "Disable" : "Enable"} ${p.name}`}
                    onClick={toggle(p)}>
                    {p.enabled ? "Disable" : "Enable"}
                  </Button>
                  <Button type="button" className="secondary" aria-label={`Delete ${p.name}`} onClick={() => setDeleting(p)}>Delete</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog title="Create provider" open={creating} onClose={() => setCreating(false)}>
        <CreateProviderForm onClose={() => setCreating(false)} onCreated={(p) => {
          setCreating(false);
          setNotice(`${p.name} was created; the setup invitation went to ${p.billingEmail}.`);
          providers.reload();
        }} />
      </Dialog>
      <Dialog title="Delete provider" open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting && <DeleteProviderForm provider={deleting} onClose={() => setDeleting(null)} onDeleted={() => {
          setNotice(`${deleting.name} was deleted.`);
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
      <TextField label="Name" value={name} onChange={setName} required maxLength={50} />
      <TextField label="Owner email" type="email" value={ownerEmail} onChange={setOwnerEmail} required />
      <SelectField label="Provider type" value={type} onChange={setType} options={typeOptions} />
      <SubmitRow label="Create" busyLabel="Creating…" busy={busy} error={error} onCancel={onClose}
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
      <p>Delete {provider.name} and its members? A provider with clients cannot be deleted: unlink them first.</p>
      <SubmitRow label="Delete" busyLabel="Deleting…" busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
