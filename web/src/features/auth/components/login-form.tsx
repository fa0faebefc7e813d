import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";

export interface LoginFormProps {
  /** The address the page already knows (a mailed link's invitation). */
  initialEmail?: string;
  onSubmit: (email: string, password: string) => Promise<void>;
}

/** Like every form here, the button stays enabled and a submit with empty fields marks each of them. */
export function LoginForm({ initialEmail = "", onSubmit }: LoginFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [tried, setTried] = useState(false);
  const { busy, error, handle } = useSubmit();
  const missing = t("login.needsBoth");
  const submit = handle(async () => {
    setTried(true);
    if (!email || !password) return;
    await onSubmit(email, password);
  });
  return (
    <form className="card" aria-labelledby="login-heading" onSubmit={submit} noValidate>
      <h1 id="login-heading">{t("login.title")}</h1>
      <TextField label={t("login.email")} name="email" type="email" autoComplete="username" required autoFocus={!initialEmail}
        value={email} onChange={setEmail} error={tried && !email ? missing : null} />
      <TextField label={t("login.password")} name="password" type="password" autoComplete="current-password" required
        autoFocus={!!initialEmail} value={password} onChange={setPassword} error={tried && !password ? missing : null} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy}>
        {busy ? t("login.busy") : t("login.submit")}
      </Button>
    </form>
  );
}
