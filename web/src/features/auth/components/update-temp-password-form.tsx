import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";

export interface UpdateTempPasswordFormProps {
  onSubmit: (newPassword: string) => Promise<void>;
}

/** The screen a member meets after an admin recovered their account: nothing else until a new password is chosen. */
export function UpdateTempPasswordForm({ onSubmit }: UpdateTempPasswordFormProps) {
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    if (password.length < 12) throw new Error("Your master password needs at least 12 characters.");
    if (password !== again) throw new Error("The passwords do not match.");
    await onSubmit(password);
  });
  return (
    <form className="card" aria-labelledby="update-password-heading" onSubmit={submit} noValidate>
      <h1 id="update-password-heading">Update your master password</h1>
      <p>An administrator of your organization recovered your account and set a temporary master password. Choose your own to continue.</p>
      <TextField label="New master password" type="password" autoComplete="new-password" value={password} onChange={setPassword} />
      <TextField label="Confirm new master password" type="password" autoComplete="new-password" value={again} onChange={setAgain} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !password}>{busy ? "Updating…" : "Update master password"}</Button>
    </form>
  );
}
