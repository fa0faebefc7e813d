import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { isEmailAddress } from "../../../lib/email";
import { minimumPasswordLength } from "../../../lib/master-password";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import type { Registration } from "../api/register";


export interface RegisterFormProps {
  initialEmail?: string;
  /** Fixed when an invitation names the address. */
  emailLocked?: boolean;
  onSubmit: (r: Omit<Registration, "invitation">) => Promise<void>;
}

interface Draft { email: string; password: string; confirm: string; hint: string }

/** Every field's problem at once, keyed by field; empty when the form may be sent. */
export function registrationErrors({ email, password, confirm, hint }: Draft): Partial<Record<keyof Draft, string>> {
  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!isEmailAddress(email)) errors.email = t("register.emailInvalid");
  if (password.length < minimumPasswordLength) errors.password = t("register.passwordShort", { min: minimumPasswordLength });
  if (password !== confirm) errors.confirm = t("register.passwordMismatch");
  if (hint && hint === password) errors.hint = t("register.hintIsPassword");
  return errors;
}

export function RegisterForm({ initialEmail = "", emailLocked = false, onSubmit }: RegisterFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [hint, setHint] = useState("");
  const [tried, setTried] = useState(false);
  const { busy, error, handle } = useSubmit();
  // Shown after the first submit, then kept current as the user types.
  const errors = tried ? registrationErrors({ email, password, confirm, hint }) : {};

  const submit = handle(async () => {
    setTried(true);
    const found = registrationErrors({ email, password, confirm, hint });
    if (Object.keys(found).length > 0) {
      // Focus the first field that needs attention; its error is read with it.
      const first = (["email", "password", "confirm", "hint"] as const).find((k) => found[k]);
      document.querySelector<HTMLInputElement>(`form[aria-labelledby="register-heading"] [name="${first}"]`)?.focus();
      return;
    }
    await onSubmit({ email, name, password, hint });
  });

  return (
    <form className="card" aria-labelledby="register-heading" onSubmit={submit} noValidate>
      <h1 id="register-heading">{t("register.title")}</h1>
      <TextField label={t("register.email")} name="email" type="email" autoComplete="username" required
        value={email} onChange={setEmail} readOnly={emailLocked} error={errors.email} />
      <TextField label={t("register.name")} name="name" autoComplete="name" value={name} onChange={setName} optional />
      <TextField label={t("register.password")} name="password" type="password" autoComplete="new-password" required
        value={password} onChange={setPassword} error={errors.password}
        description={t("register.passwordDescription", { min: minimumPasswordLength })} />
      <TextField label={t("register.confirm")} name="confirm" type="password" autoComplete="new-password" required
        value={confirm} onChange={setConfirm} error={errors.confirm} />
      <TextField label={t("register.hint")} name="hint" value={hint} onChange={setHint} optional error={errors.hint} />
      {Object.keys(errors).length > 0 && <p className="error" role="alert">{t("register.fixErrors")}</p>}
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy}>{busy ? t("register.busy") : t("register.submit")}</Button>
    </form>
  );
}
