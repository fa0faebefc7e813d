import { Navigate, useNavigate } from "react-router";
import { UnlockForm } from "../../features/auth/components/unlock-form";
import { unlockWithPassword } from "../../features/auth/api/unlock";
import { currentAccount, keyStore } from "../../lib/session";
import { useSessionStatus } from "../../lib/use-session";
import { useReturnTo } from "./return-to";

export function LockRoute() {
  const navigate = useNavigate();
  const status = useSessionStatus();
  const returnTo = useReturnTo();
  const account = currentAccount();
  if (status === "loggedOut" || !account) return <Navigate to="/login" replace />;

  async function submit(password: string) {
    keyStore.unlock(await unlockWithPassword(account!, password));
    navigate(returnTo, { replace: true });
  }

  return <UnlockForm email={account.email} onSubmit={submit} />;
}
