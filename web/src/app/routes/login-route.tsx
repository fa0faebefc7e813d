import { Link, useLocation, useNavigate } from "react-router";
import { t } from "../../lib/i18n/messages";
import { LoginForm } from "../../features/auth/components/login-form";
import { loginWithPassword } from "../../features/auth/api/login-with-password";
import { apiClient, keyStore, startSession } from "../../lib/session";
import { FirstRunHelp } from "./first-run-help";
import { useReturnTo } from "./return-to";

export function LoginRoute() {
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  // A mailed link's page knows who was invited and passes it on, so only the password is left to type.
  const knownEmail = (useLocation().state as { email?: string } | null)?.email ?? "";

  async function submit(email: string, password: string) {
    const result = await loginWithPassword(apiClient, email, password);
    keyStore.unlock(result.keys);
    startSession(result.accessToken, result.refreshToken, result.account);
    navigate(returnTo, { replace: true });
  }

  return (
    <div className="stack">
      <LoginForm initialEmail={knownEmail} onSubmit={submit} />
      <p>{t("login.noAccount")} <Link to={`/register?${new URLSearchParams({ returnTo, ...(knownEmail ? { email: knownEmail } : {}) })}`}>{t("login.createAccount")}</Link></p>
      <FirstRunHelp />
    </div>
  );
}
