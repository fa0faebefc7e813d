import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import type { Registration } from "../api/register";

export const minimumPasswordLength = 12;

export interface RegisterFormProps {
  initialEmail?: string;
  /** Fixed when an invitation names the address. */
  emailLocked?: boolean;
  onSubmit: (r: Omit<Registration, "invitation">) => Promise<void>;
}

export function RegisterForm({ initialEmail = "", emailLocked = false, onSubmit }: RegisterFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [hint, setHint] = useState("");
  const { busy, error, handle } = useSubmit();

  const check = async () => {
    if (!email.includes("@")) throw new Error("Enter a valid email address.");
    if (password.length < minimumPasswordLength) throw new Error(`The master password must be at least ${minimumPasswordLength} characters long.`);
    if (password !== confirm) throw new Error("The master passwords do not match.");
    if (hint && hint === password) throw new Error("The hint must not be the master password.");
    await onSubmit({ email, name, password, hint });
  };

  return (
    <form className="card" aria-labelledby="register-heading" onSubmit={handle(check)} noValidate>
      <h1 id="register-heading">Create account</h1>
      <TextField label="Email address" name="email" type="email" autoComplete="username" required
        value={email} onChange={setEmail} readOnly={emailLocked} />
      <TextField label="Name" name="name" autoComplete="name" value={name} onChange={setName} />
      <TextField label="Master password" name="password" type="password" autoComplete="new-password" required
        value={password} onChange={setPassword} aria-describedby="password-rule" />
      <p id="password-rule" className="loading">At least {minimumPasswordLength} characters. It cannot be recovered if you forget it.</p>
      <TextField label="Confirm master password" name="confirm" type="password" autoComplete="new-password" required
        value={confirm} onChange={setConfirm} />
      <TextField label="Master password hint" name="hint" value={hint} onChange={setHint} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy}>{busy ? "Creating account…" : "Create account"}</Button>
    </form>
  );
}
