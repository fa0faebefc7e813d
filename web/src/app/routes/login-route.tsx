import { useNavigate } from "react-router";
import { LoginForm } from "../../features/auth/components/login-form";
import { loginWithPassword } from "../../features/auth/api/login-with-password";
import { apiClient, keyStore, tokens } from "../../lib/session";

export function LoginRoute() {
  const navigate = useNavigate();

  async function submit(email: string, password: string) {
    const result = await loginWithPassword(apiClient, email, password);
    tokens.accessToken = result.accessToken;
    tokens.refreshToken = result.refreshToken;
    keyStore.unlock(result.keys);
    navigate("/vault");
  }

  return <LoginForm onSubmit={submit} />;
}
