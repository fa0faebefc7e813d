import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { disableEmail, enableEmail, sendSetupEmail, type EmailSetup } from "../api/two-factor-api";
import { t } from "../../../lib/i18n/messages";

/** Email codes: a code goes to the chosen address, and the method is on once that code is entered. */
export function EmailSetupPanel({ setup, onChanged }: { setup: EmailSetup; onChanged: () => Promise<void> }) {
  const [email, setEmail] = useState(setup.email.email ?? "");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, handle } = useSubmit();
  const token = setup.userVerificationToken;
  return (
    <form aria-labelledby="email-heading" noValidate
      onSubmit={handle(async () => { await enableEmail(email.trim(), code.trim(), token); await onChanged(); })}>
      <h2 id="email-heading">{t("twoStep.email")}</h2>
      {setup.email.enabled && <p>{t("twoStep.codesGoTo", { email: setup.email.email ?? "" })}</p>}
      <TextField label={t("twoStep.emailForCodes")} type="email" name="two-factor-email" required value={email} onChange={setEmail} />
      <Button type="button" disabled={busy || !email.trim()} onClick={handle(async () => { await sendSetupEmail(email.trim(), token); setSent(true); })}>
        {t("twoStep.sendCode")}
      </Button>
      {sent && <TextField label={t("twoStep.codeFromEmail")} name="email-code" inputMode="numeric" required value={code} onChange={setCode} />}
      <ErrorMessage message={error} />
      {sent && <Button type="submit" disabled={busy || !code.trim()}>{t("twoStep.emailOn")}</Button>}
      {setup.email.enabled && (
        <Button type="button" disabled={busy} onClick={handle(async () => { await disableEmail(token); await onChanged(); })}>{t("twoStep.emailOff")}</Button>
      )}
    </form>
  );
}
