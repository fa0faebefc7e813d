import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { minimumPasswordLength } from "../../../lib/master-password";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import type { Member } from "../api/org-types";
import { recoverAccount } from "../api/recovery-api";

interface Props {
  member: Member | null;
  orgId: string;
  onClose: () => void;
  onDone: () => void;
}

/** "Recover account": the admin sets a temporary master password, which the member must change at next login. */
export function RecoverAccountDialog({ member, orgId, onClose, onDone }: Props) {
  return (
    <Dialog title={t("members.recoverTitle", { name: member?.email ?? "" })} open={member !== null} onClose={onClose}>
      {member && <RecoverForm member={member} orgId={orgId} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function RecoverForm({ member, orgId, onClose, onDone }: Props & { member: Member }) {
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const [tried, setTried] = useState(false);
  const { busy, error, handle } = useSubmit();
  // Both fields' problems at once, from the first attempt on, kept current while the admin mends them.
  const problems = {
    password: password.length < minimumPasswordLength ? t("members.recoverTooShort", { min: minimumPasswordLength }) : null,
    again: password !== again ? t("register.passwordMismatch") : null,
  };
  const submit = handle(async () => {
    setTried(true);
    if (problems.password || problems.again) return;
    await recoverAccount(orgId, member.id, member.email, password);
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <p>{t("members.recoverBody")}</p>
      <TextField label={t("members.recoverPassword")} type="password" value={password} onChange={setPassword} autoComplete="new-password"
        error={tried ? problems.password : null} />
      <TextField label={t("members.recoverConfirm")} type="password" value={again} onChange={setAgain} autoComplete="new-password"
        error={tried ? problems.again : null} />
      <SubmitRow label={t("members.recover")} busyLabel={t("members.recovering")} busy={busy} error={error} onCancel={onClose} />
    </form>
  );
}
