import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { TextField } from "../../../components/ui/text-field";
import { masterPasswordHashOf } from "../../../lib/master-password";
import { currentAccount } from "../../../lib/session";
import { useSubmit } from "../../../lib/use-submit";
import {
  getAuthenticator, getEmail, getRecoveryCode, getWebAuthn, listTwoFactorProviders,
  type AuthenticatorSetup, type EmailSetup, type TwoFactorProvider, type WebAuthnSetup,
} from "../api/two-factor-api";
import { AuthenticatorSetupPanel } from "./authenticator-setup";
import { EmailSetupPanel } from "./email-setup";
import { t } from "../../../lib/i18n/messages";
import { WebAuthnSetupPanel } from "./webauthn-setup";

interface Verified {
  hash: string;
  providers: TwoFactorProvider[];
  authenticator: AuthenticatorSetup;
  email: EmailSetup;
  webAuthn: WebAuthnSetup;
}

/**
 * Account settings → Two-step login. Every change first re-confirms the master password (the server then hands out
 * short-lived verification tokens, as Bitwarden's does); the hash is kept in this page's memory only.
 */
export function TwoStepLoginPage() {
  const [password, setPassword] = useState("");
  const [verified, setVerified] = useState<Verified | null>(null);
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();
  const email = currentAccount()?.email ?? "";

  async function load(hash: string) {
    const [providers, authenticator, emailSetup, webAuthn] =
      await Promise.all([listTwoFactorProviders(), getAuthenticator(hash), getEmail(hash), getWebAuthn(hash)]);
    setVerified({ hash, providers, authenticator, email: emailSetup, webAuthn });
  }

  if (!verified) {
    return (
      <div className="stack">
        <PageHeader title={t("twoStep.title")} />
        <form aria-label={t("twoStep.confirmPassword")} noValidate
          onSubmit={handle(async () => { await load(await masterPasswordHashOf(password)); setPassword(""); })}>
          <p>{t("twoStep.confirmPasswordBody")}</p>
          <TextField label={t("login.password")} type="password" autoComplete="current-password" required value={password} onChange={setPassword} />
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !password}>{t("twoStep.continue")}</Button>
        </form>
      </div>
    );
  }
  const on = verified.providers.filter((p) => p.enabled);
  return (
    <div className="stack">
      <PageHeader title={t("twoStep.title")} />
      <p role="status">{t(on.length > 0 ? "twoStep.on" : "twoStep.off")}</p>
      <AuthenticatorSetupPanel email={email} setup={verified.authenticator} onChanged={() => load(verified.hash)} />
      <EmailSetupPanel setup={verified.email} onChanged={() => load(verified.hash)} />
      <WebAuthnSetupPanel setup={verified.webAuthn} onChanged={() => load(verified.hash)} />
      <section aria-labelledby="recovery-heading">
        <h2 id="recovery-heading">{t("twoStep.recoveryCode")}</h2>
        <p>{t("twoStep.recoveryBody")}</p>
        {recoveryCode && <p>{t("twoStep.recoveryCodeLabel")} <code aria-label={t("twoStep.yourRecoveryCode")}>{recoveryCode}</code></p>}
        <ErrorMessage message={error} />
        <Button type="button" disabled={busy || on.length === 0}
          onClick={handle(async () => setRecoveryCode(await getRecoveryCode(verified.hash)))}>
          {t("twoStep.viewRecoveryCode")}
        </Button>
      </section>
    </div>
  );
}
