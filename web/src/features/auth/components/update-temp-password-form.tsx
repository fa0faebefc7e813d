import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { t } from "../../../lib/i18n/messages";

export interface UpdateTempPasswordFormProps {
  onSubmit: (newPassword: string) => Promise<void>;
}

const minimumLength = 12;

/** The screen a member meets after an admin recovered their account: nothing else until a new password is chosen. */
export function UpdateTempPasswordForm({ onSubmit }: UpdateTempPasswordFormProps) {
  const [password, setPassword] = useState("");
  const [again, setAgain] = useState("");
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    if (password.length < minimumLength) throw new Error(t("tempPassword.tooShort", { min: minimumLength }));
    if (password !== again) throw new Error(t("tempPassword.mismatch"));
    await onSubmit(password);
  });
  return (
    <form className="card" aria-labelledby="update-password-heading" onSubmit={submit} noValidate>
      <h1 id="update-password-heading">{t("tempPassword.title")}</h1>
      <p>{t("tempPassword.intro")}</p>
      <TextField label={t("tempPassword.password")} type="password" autoComplete="new-password" value={password} onChange={setPassword} />
      <TextField label={t("tempPassword.confirm")} type="password" autoComplete="new-password" value={again} onChange={setAgain} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !password}>{busy ? t("tempPassword.busy") : t("tempPassword.submit")}</Button>
    </form>
  );
}
