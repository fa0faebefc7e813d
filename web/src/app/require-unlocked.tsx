import { useEffect, useState } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { ErrorMessage } from "../components/ui/error-message";
import { Loading } from "../components/ui/loading";
import { refreshProfile, useProfile } from "../lib/profile";
import { useSessionStatus } from "../lib/use-session";
import { t } from "../lib/i18n/messages";

/** Pages behind it need unlocked keys and the profile (org and provider keys); others go to login or unlock. */
export function RequireUnlocked() {
  const status = useSessionStatus();
  const profile = useProfile();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (status === "unlocked" && !profile) refreshProfile().catch((e: unknown) => setError(String((e as Error).message ?? e)));
  }, [status, profile]);
  const returnTo = location.pathname + location.search;
  if (status === "loggedOut") return <Navigate to="/login" replace state={{ returnTo }} />;
  if (status === "locked") return <Navigate to="/lock" replace state={{ returnTo }} />;
  if (error) return <ErrorMessage message={error} />;
  if (!profile) return <Loading label={t("auth.loadingAccount")} />;
  return <Outlet />;
}
