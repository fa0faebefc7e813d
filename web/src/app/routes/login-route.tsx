import { Link, useNavigate } from "react-router";
import { LoginForm } from "../../features/auth/components/login-form";
import { loginWithPassword } from "../../features/auth/api/login-with-password";
import { apiClient, keyStore, startSession } from "../../lib/session";
import { useReturnTo } from "./return-to";

export function LoginRoute() {
  const navigate = useNavigate();
  const returnTo = useReturnTo();

  async function submit(email: string, password: string) {
    const result = await loginWithPassword(apiClient, email, password);
    keyStore.unlock(result.keys);
    startSession(result.accessToken, result.refreshToken, result.account);
    navigate(result.forcePasswordReset ? "/update-password" : returnTo, { replace: true });
  }

  return (
    <div className="stack">
      <LoginForm onSubmit={submit} />
      <p>New here? <Link to={`/register?${new URLSearchParams({ returnTo })}`}>Create an account</Link></p>
    </div>
  );
}
