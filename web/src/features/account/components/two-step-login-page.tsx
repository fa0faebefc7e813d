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
        <PageHeader title="Two-step login" />
        <form aria-label="Confirm master password" noValidate
          onSubmit={handle(async () => { await load(await masterPasswordHashOf(password)); setPassword(""); })}>
          <p>Confirm your master password to manage two-step login.</p>
          <TextField label="Master password" type="password" autoComplete="current-password" required value={password} onChange={setPassword} />
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !password}>Continue</Button>
        </form>
      </div>
    );
  }
  const on = verified.providers.filter((p) => p.enabled);
  return (
    <div className="stack">
      <PageHeader title="Two-step login" />
      <p role="status">{on.length > 0 ? "Two-step login is on." : "Two-step login is off."}</p>
      <AuthenticatorSetupPanel email={email} setup={verified.authenticator} onChanged={() => load(verified.hash)} />
      <EmailSetupPanel setup={verified.email} onChanged={() => load(verified.hash)} />
      <WebAuthnSetupPanel setup={verified.webAuthn} onChanged={() => load(verified.hash)} />
      <section aria-labelledby="recovery-heading">
        <h2 id="recovery-heading">Recovery code</h2>
        <p>If you lose your second factor, the recovery code turns two-step login off. Keep it somewhere safe.</p>
        {recoveryCode && <p>Recovery code: <code aria-label="Your recovery code">{recoveryCode}</code></p>}
        <ErrorMessage message={error} />
        <Button type="button" disabled={busy || on.length === 0}
          onClick={handle(async () => setRecoveryCode(await getRecoveryCode(verified.hash)))}>
          View recovery code
        </Button>
      </section>
    </div>
  );
}
