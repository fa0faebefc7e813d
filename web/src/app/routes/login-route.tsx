import { useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { t } from "../../lib/i18n/messages";
import { LoginForm } from "../../features/auth/components/login-form";
import { TwoFactorForm } from "../../features/auth/components/two-factor-form";
import type { TwoFactorAnswer } from "../../features/auth/api/login";
import { loginWithPassword, TwoFactorRequiredError } from "../../features/auth/api/login-with-password";
import { sendEmailLoginCode } from "../../features/auth/api/send-email-login";
import { apiClient, keyStore, startSession } from "../../lib/session";
import { FirstRunHelp } from "./first-run-help";
import { ProviderBrand } from "../../components/provider-brand";
import type { ProviderBranding } from "../../features/providers/api/branding-api";
import { useReturnTo } from "./return-to";

interface Pending {
  email: string;
  password: string;
  challenge: TwoFactorRequiredError;
}

export function LoginRoute() {
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  // The password stays in this page's memory only while the second step is asked for.
  const [pending, setPending] = useState<Pending | null>(null);
  // A mailed link's page knows who was invited and passes it on, so only the password is left to type.
  const state = useLocation().state as { email?: string; branding?: ProviderBranding } | null;
  const knownEmail = state?.email ?? "";

  async function submit(email: string, password: string, twoFactor?: TwoFactorAnswer) {
    try {
      const result = await loginWithPassword(apiClient, email, password, undefined, twoFactor);
      setPending(null);
      keyStore.unlock(result.keys);
      startSession(result.accessToken, result.refreshToken, result.account);
      navigate(result.forcePasswordReset ? "/update-password" : returnTo, { replace: true });
    } catch (e) {
      if (e instanceof TwoFactorRequiredError && !twoFactor) {
        setPending({ email, password, challenge: e });
        return;
      }
      throw e;
    }
  }

  if (pending) {
    return (
      <div className="stack">
        <TwoFactorForm providers={pending.challenge.providers}
          onSubmit={(answer) => submit(pending.email, pending.password, answer)}
          onSendEmail={() => sendEmailLoginCode(apiClient, pending.email.trim().toLowerCase(), pending.challenge.sessionToken)} />
        <p><button type="button" className="link-button" onClick={() => setPending(null)}>Back to log in</button></p>
      </div>
    );
  }
  return (
    <div className="stack">
      <ProviderBrand branding={state?.branding} />
      <LoginForm initialEmail={knownEmail} onSubmit={submit} />
      <p><Link to="/login-with-device" state={{ email: knownEmail }}>{t("device.loginLink")}</Link></p>
      <p>{t("login.noAccount")} <Link to={`/register?${new URLSearchParams({ returnTo, ...(knownEmail ? { email: knownEmail } : {}) })}`}>{t("login.createAccount")}</Link></p>
      <FirstRunHelp />
    </div>
  );
}
