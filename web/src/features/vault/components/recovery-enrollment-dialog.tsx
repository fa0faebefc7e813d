import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { setRecoveryEnrollment } from "../api/recovery-enrollment";

/** The member's side of account recovery: per organization, enroll (with the master password) or withdraw. */
export function RecoveryEnrollmentDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const profile = useProfile();
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  const orgs = (profile?.organizations ?? []).filter((o) => o.object === "profileOrganization" && o.status === 2);
  const toggle = (orgId: string, enroll: boolean) => handle(async () => {
    if (enroll && !password) throw new Error("Enter your master password to enroll.");
    await setRecoveryEnrollment(orgId, profile!.id, enroll, password);
    setPassword("");
  });
  return (
    <Dialog title="Account recovery" open={open} onClose={onClose}>
      <p>Enrolled organizations can set a new master password for you if you forget yours. Their admins never see your keys.</p>
      <TextField label="Master password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      <ul>
        {orgs.map((o) => (
          <li key={o.id}>
            {o.name}: {o.resetPasswordEnrolled ? "enrolled" : "not enrolled"}{" "}
            <Button type="button" className="secondary" disabled={busy} onClick={toggle(o.id, !o.resetPasswordEnrolled)}>
              {o.resetPasswordEnrolled ? `Withdraw from account recovery of ${o.name}` : `Enroll in account recovery of ${o.name}`}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorMessage message={error} />
      <Button type="button" className="secondary" onClick={onClose}>Close</Button>
    </Dialog>
  );
}
