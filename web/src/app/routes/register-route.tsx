import { Link, useNavigate, useSearchParams } from "react-router";
import { invitationFrom } from "../../features/auth/api/invitation-from";
import { loginWithPassword } from "../../features/auth/api/login-with-password";
import { register } from "../../features/auth/api/register";
import { RegisterForm } from "../../features/auth/components/register-form";
import { apiClient, keyStore, startSession } from "../../lib/session";
import { t } from "../../lib/i18n/messages";

/** /register?email=…&returnTo=…: creates the account, logs in and goes back to the page that asked. */
export function RegisterRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = params.get("returnTo")?.startsWith("/") ? params.get("returnTo")! : "/vault";
  const invitation = invitationFrom(returnTo);
  const email = params.get("email") ?? "";

  async function submit(r: { email: string; name: string; password: string; hint: string }) {
    await register(apiClient, { ...r, invitation });
    const result = await loginWithPassword(apiClient, r.email, r.password);
    keyStore.unlock(result.keys);
    startSession(result.accessToken, result.refreshToken, result.account);
    navigate(returnTo, { replace: true });
  }

  return (
    <div className="stack">
      <RegisterForm initialEmail={email} emailLocked={!!invitation && !!email} onSubmit={submit} />
      <p>{t("register.haveAccount")} <Link to="/login" state={{ returnTo }}>{t("login.submit")}</Link></p>
    </div>
  );
}
