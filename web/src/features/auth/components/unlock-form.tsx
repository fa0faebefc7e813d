import { useState, type FormEvent } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";

export function UnlockForm({ email, onSubmit }: { email: string; onSubmit: (password: string) => Promise<void> }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await onSubmit(password);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Unlock failed.");
      setBusy(false);
    }
  }

  return (
    <form className="card" aria-labelledby="unlock-heading" onSubmit={handleSubmit} noValidate>
      <h1 id="unlock-heading">Your vault is locked</h1>
      <p>Logged in as {email}.</p>
      <TextField label="Master password" name="password" type="password" autoComplete="current-password" required
        value={password} onChange={setPassword} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !password}>{busy ? "Unlocking…" : "Unlock"}</Button>
    </form>
  );
}
