import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { useSessionStatus } from "../../../lib/use-session";

/**
 * Invitation pages are reached from a mail while logged out: offer login or registration, both of which come back
 * here with the link's query intact. Once unlocked, the page itself is shown.
 */
export function InvitationGate({ title, email, children }: { title: string; email: string | null; children: ReactNode }) {
  const status = useSessionStatus();
  const location = useLocation();
  const returnTo = location.pathname + location.search;
  if (status === "unlocked") return <>{children}</>;
  const register = `/register?${new URLSearchParams({ ...(email ? { email } : {}), returnTo })}`;
  return (
    <section className="card" aria-labelledby="invitation-heading">
      <h1 id="invitation-heading">{title}</h1>
      <p>{status === "locked" ? "Unlock your vault to continue." : `Log in or create an account${email ? ` for ${email}` : ""} to continue.`}</p>
      <div className="page-actions">
        <Link className="button" to={status === "locked" ? "/lock" : "/login"} state={{ returnTo }}>
          {status === "locked" ? "Unlock" : "Log in"}
        </Link>
        {status === "loggedOut" && <Link className="button secondary" to={register}>Create account</Link>}
      </div>
    </section>
  );
}
