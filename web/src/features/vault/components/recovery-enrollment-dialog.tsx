import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { setRecoveryEnrollment } from "../api/recovery-enrollment";
import { t } from "../../../lib/i18n/messages";

/** The member's side of account recovery: per organization, enroll (with the master password) or withdraw. */
export function RecoveryEnrollmentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const profile = useProfile();
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  const orgs = (profile?.organizations ?? []).filter((o) => o.object === "profileOrganization" && o.status === 2);
  const toggle = (orgId: string, enroll: boolean) => handle(async () => {
    if (enroll && !password) throw new Error(t("recovery.needsPassword"));
    await setRecoveryEnrollment(orgId, profile!.id, enroll, password);
    setPassword("");
  });
  return (
    <Dialog title={t("vault.accountRecovery")} open={open} onClose={onClose}>
      <p>{t("recovery.body")}</p>
      <TextField label={t("login.password")} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      <ul>
        {orgs.map((o) => (
          <li key={o.id}>
            {t("recovery.status", { name: o.name, status: t(o.resetPasswordEnrolled ? "recovery.enrolled" : "recovery.notEnrolled") })}{" "}
            <Button type="button" className="secondary" disabled={busy} onClick={toggle(o.id, !o.resetPasswordEnrolled)}>
              {t(o.resetPasswordEnrolled ? "recovery.withdraw" : "recovery.enroll", { name: o.name })}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage message={error} />
      <Button type="button" className="secondary" onClick={onClose}>{t("action.close")}</Button>
    </Dialog>
  );
}
