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
import { t } from "../../../lib/i18n/messages";

/** The org's name and billing email, and deleting the org (owners, with their master password). */
export function SettingsPage() {
  const { orgId, name } = useOrganization();
  const org = useAsync(() => getOrganization(orgId), [orgId]);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="portal-narrow">
      <PageHeader title={t("settings.title")} />
      <ErrorMessage message={org.error} />
      {org.loading && <Loading label={t("settings.loading")} />}
      {org.data && <ProfileForm key={org.data.id} org={org.data} />}
      <h2>{t("settings.delete")}</h2>
      <p>{t("settings.deleteLoss", { name })}</p>
      <Button type="button" className="danger" onClick={() => setDeleting(true)}>{t("settings.delete")}</Button>
      <Dialog title={t("settings.deleteNamed", { name })} open={deleting} onClose={() => setDeleting(false)}>
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
      <TextField label={t("settings.name")} value={name} onChange={setName} required maxLength={50} />
      <TextField label={t("settings.billingEmail")} type="email" value={billingEmail} onChange={setBillingEmail} maxLength={256} />
      <SubmitRow label={t("console.save")} busyLabel={t("console.saving")} busy={busy} error={error} disabled={!name.trim()} />
      {saved && <p role="status">{t("console.saved")}</p>}
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
      <p>{t("settings.deletePassword")}</p>
      <TextField label={t("login.password")} type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
      <SubmitRow label={t("console.delete")} busyLabel={t("console.deleting")} busy={busy} error={error} danger disabled={!password} onCancel={onClose} />
    </form>
  );
}
