import { useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { refreshProfile } from "../../../lib/profile";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { deleteOrganization, getOrganization, updateOrganization } from "../api/organization-api";
import type { Organization } from "../api/org-types";
import { useOrganization } from "./use-organization";

/** The org's name and billing email, and deleting the org (owners, with their master password). */
export function SettingsPage() {
  const { orgId } = useOrganization();
  const org = useAsync(() => getOrganization(orgId), [orgId]);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="portal-narrow">
      <PageHeader title="Settings" />
      <ErrorMessage message={org.error} />
      {org.loading && <Loading label="Loading settings…" />}
      {org.data && <ProfileForm key={org.data.id} org={org.data} />}
      <h2>Delete organization</h2>
      <p>Deleting the organization deletes its collections and items for every member. It cannot be undone.</p>
      <Button type="button" className="danger" onClick={() => setDeleting(true)}>Delete organization</Button>
      <Dialog title="Delete organization" open={deleting} onClose={() => setDeleting(false)}>
        <DeleteForm orgId={orgId} onClose={() => setDeleting(false)} />
      </Dialog>
    </div>
  );
}

function ProfileForm({ org }: { org: Organization }) {
  const [name, setName] = useState(org.name);
  const [billingEmail, setBillingEmail] = useState(org.billingEmail ?? "");
  const [saved, setSaved] = useState(false);
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    setSaved(false);
    await updateOrganization(org.id, { name: name.trim(), billingEmail: billingEmail.trim(), businessName: org.businessName });
    await refreshProfile();
    setSaved(true);
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label="Organization name" value={name} onChange={setName} required maxLength={50} />
      <TextField label="Billing email" type="email" value={billingEmail} onChange={setBillingEmail} maxLength={256} />
      <SubmitRow label="Save" busyLabel="Saving…" busy={busy} error={error} disabled={!name.trim()} />
      {saved && <p role="status">Saved.</p>}
    </form>
  );
}

/** The server checks the master password hash; the password itself never leaves the browser. */
function DeleteForm({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const [password, setPassword] = useState("");
  const navigate = useNavigate();
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await deleteOrganization(orgId, password);
    await refreshProfile();
    navigate("/vault");
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <p>Enter your master password to delete this organization.</p>
      <TextField label="Master password" type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
      <SubmitRow label="Delete" busyLabel="Deleting…" busy={busy} error={error} danger disabled={!password} onCancel={onClose} />
    </form>
  );
}
