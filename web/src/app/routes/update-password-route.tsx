import { useNavigate } from "react-router";
import { updateTempPassword } from "../../features/auth/api/update-temp-password";
import { UpdateTempPasswordForm } from "../../features/auth/components/update-temp-password-form";
import { apiClient, currentAccount, keyStore, logOut } from "../../lib/session";
import { t } from "../../lib/i18n/messages";

/** After the change every session of the account ends (the server rotates its stamp), so the member logs in again. */
export function UpdatePasswordRoute() {
  const navigate = useNavigate();
  async function submit(newPassword: string) {
    const account = currentAccount();
    if (!account) throw new Error(t("auth.logInAgain"));
    await updateTempPassword(apiClient, account.email, account.kdf, keyStore.userKey, newPassword);
    logOut();
    navigate("/login", { replace: true });
  }
  return <UpdateTempPasswordForm onSubmit={submit} />;
}
