import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message";
import { Loading } from "../../components/ui/loading";
import { acceptOrganization } from "../../features/auth/api/accept-organization";
import { InvitationGate } from "../../components/invitation-gate";
import { refreshProfile } from "../../lib/profile";
import { apiClient, keyStore } from "../../lib/session";
import { useSessionStatus } from "../../lib/use-session";
import { useAsync } from "../../lib/use-async";
import { ProviderBrand } from "../../components/provider-brand";
import { invitationBranding } from "../../features/providers/api/branding-api";

/** #/accept-organization?organizationId&organizationUserId&email&organizationName&token, the mailed link. */
export function AcceptOrganizationRoute() {
  const [q] = useSearchParams();
  const status = useSessionStatus();
  const [state, setState] = useState<"working" | "done" | string>("working");
  const orgName = q.get("organizationName") ?? "the organization";
  const started = useRef(false); // an invitation is accepted once, even when React runs the effect twice
  // A client org's invitation shows the provider that manages it, before and after login.
  const branding = useAsync(() => {
    const [orgId, memberId, email, token] = [q.get("organizationId"), q.get("organizationUserId"), q.get("email"), q.get("token")];
    return orgId && memberId && email && token ? invitationBranding(orgId, memberId, email, token) : Promise.resolve(null);
  }, [q]).data;

  useEffect(() => {
    if (status !== "unlocked" || started.current) return;
    started.current = true;
    const [orgId, memberId, token] = [q.get("organizationId"), q.get("organizationUserId"), q.get("token")];
    if (!orgId || !memberId || !token) {
      setState("This invitation link is incomplete.");
      return;
    }
    acceptOrganization(apiClient, orgId, memberId, token, keyStore.userKey)
      .then(() => refreshProfile())
      .then(() => setState("done"), (e: unknown) => setState(e instanceof Error ? e.message : String(e)));
  }, [status, q]);

  return (
    <section className="card" aria-labelledby="join-heading">
      <ProviderBrand branding={branding} />
      <h1 id="join-heading">Join organization</h1>
      <InvitationGate email={q.get("email") ?? ""} branding={branding}>{() => (<>
        {state === "working" && <Loading label={`Joining ${orgName}…`} />}
        {state === "done" && (
          <>
            <p role="status">You joined {orgName}. An administrator must confirm you before you can see its items.</p>
            <Link to="/vault">Go to your vault</Link>
          </>
        )}
        {state !== "working" && state !== "done" && <ErrorMessage message={state} />}
      </>)}</InvitationGate>
    </section>
  );
}
