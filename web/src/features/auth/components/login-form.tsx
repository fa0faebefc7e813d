import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";

export interface LoginFormProps {
  onSubmit: (email: string, password: string) => Promise<void>;
}

export function LoginForm({ onSubmit }: LoginFormProps) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  return (
    <form className="card" aria-labelledby="login-heading" onSubmit={handle(() => onSubmit(email, password))} noValidate>
      <h1 id="login-heading">Log in</h1>
      <TextField label="Email address" name="email" type="email" autoComplete="username" required
        value={email} onChange={setEmail} />
      <TextField label="Master password" name="password" type="password" autoComplete="current-password" required
        value={password} onChange={setPassword} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !email || !password}>
        {busy ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}
