import { Navigate } from "react-router";
import { UnlockedStatus } from "../../features/auth/components/unlocked-status";
import { useSession } from "../../features/auth/components/use-session";
import { keyStore, lockSession } from "../../lib/session";

export function UnlockedRoute() {
  const email = useSession(keyStore);
  if (!email) return <Navigate to="/login" replace />;
  return <UnlockedStatus email={email} onLock={lockSession} />;
}
