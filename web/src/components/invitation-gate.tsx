import { useEffect, useState, type ReactNode } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Button } from "./ui/button";
import { ErrorMessage } from "./ui/error-message";
import { Loading } from "./ui/loading";
import { t } from "../lib/i18n/messages";
import { refreshProfile, useProfile, type Profile } from "../lib/profile";
import { useSessionStatus } from "../lib/use-session";

interface Props {
  /** The invited address, offered to the registration page. */
  email: string;
  /** Extra query the registration page may use (a provider invitation lets a new user register while signups are off). */
  registerParams?: Record<string, string>;
  children: (profile: Profile) => ReactNode;
}

/**
 * An invitation link needs a logged-in, unlocked user: otherwise it offers login or registration and comes back here
 * afterwards (login and unlock honour state.returnTo, registration a returnTo query parameter).
 */
export function InvitationGate({ email, registerParams = {}, children }: Props) {
  const status = useSessionStatus();
  const profile = useProfile();
  const location = useLocation();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const returnTo = location.pathname + location.search;

  useEffect(() => {
    if (status === "unlocked" && !profile) refreshProfile().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [status, profile]);

  if (status === "loggedOut") {
    const register = new URLSearchParams({ email, ...registerParams, returnTo });
    return (
      <div className="portal-invitation">
        <p>{email ? t("invitation.logInAs", { email }) : t("invitation.logInFirst")}</p>
        <Button type="button" onClick={() => navigate("/login", { state: { returnTo, email } })}>{t("invitation.logIn")}</Button>
        <Link className="button secondary" to={`/register?${register.toString()}`}>{t("invitation.createAccount")}</Link>
      </div>
    );
  }
  if (status === "locked") {
    return (
      <div className="portal-invitation">
        <p>{t("invitation.locked")}</p>
        <Button type="button" onClick={() => navigate("/lock", { state: { returnTo } })}>{t("invitation.unlock")}</Button>
      </div>
    );
  }
  if (error) return <ErrorMessage message={error} />;
  if (!profile) return <Loading label={t("invitation.loading")} />;
  return <>{children(profile)}</>;
}
