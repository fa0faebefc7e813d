import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { t } from "../../../lib/i18n/messages";

export function UnlockForm({ email, onSubmit }: { email: string; onSubmit: (password: string) => Promise<void> }) {
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  return (
    <form className="card" aria-labelledby="unlock-heading" onSubmit={handle(() => onSubmit(password))} noValidate>
      <h1 id="unlock-heading">{t("unlock.title")}</h1>
      <p>{t("unlock.loggedInAs", { email })}</p>
      <TextField label={t("unlock.password")} name="password" type="password" autoComplete="current-password" required
        value={password} onChange={setPassword} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !password} disabledReason={!busy && !password ? t("unlock.needsPassword") : null}>{busy ? t("unlock.busy") : t("unlock.submit")}</Button>
    </form>
  );
}
