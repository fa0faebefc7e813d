import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
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
    <Dialog title={`Recover account of ${member?.email ?? ""}`} open={member !== null} onClose={onClose}>
      {member && <RecoverForm member={member} orgId={orgId} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

function RecoverForm({ member, orgId, onClose, onDone }: Props & { member: Member }) {
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    if (password.length < 12) throw new Error("The temporary password needs at least 12 characters.");
    if (password !== again) throw new Error("The passwords do not match.");
    await recoverAccount(orgId, member.id, member.email, password);
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <p>Give the member this temporary password by a channel you trust; they choose their own at their next login. Their sessions end now.</p>
      <TextField label="Temporary master password" type="password" value={password} onChange={setPassword} autoComplete="new-password" />
      <TextField label="Confirm temporary master password" type="password" value={again} onChange={setAgain} autoComplete="new-password" />
      <SubmitRow label="Recover account" busyLabel="Recovering…" busy={busy} error={error} onCancel={onClose} />
    </form>
  );
}
