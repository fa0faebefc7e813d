import { useEffect, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message";
import { Loading } from "../../components/ui/loading";
import { InvitationGate } from "../../components/invitation-gate";
import { accept } from "../../features/emergency-access/api/emergency-access-api";
import { t } from "../../lib/i18n/messages";
import { useSessionStatus } from "../../lib/use-session";

/** #/accept-emergency?id&name&email&token, the mailed link to become someone's emergency contact. */
export function AcceptEmergencyRoute() {
  const [q] = useSearchParams();
  const status = useSessionStatus();
  const [state, setState] = useState<"working" | "done" | string>("working");
  const started = useRef(false); // accepted once, even when React runs the effect twice
  const name = q.get("name") ?? "";

  useEffect(() => {
    if (status !== "unlocked" || started.current) return;
    started.current = true;
    const [id, token] = [q.get("id"), q.get("token")];
    if (!id || !token) {
      setState(t("emergency.incomplete"));
      return;
    }
    accept(id, token).then(() => setState("done"), (e: unknown) => setState(e instanceof Error ? e.message : String(e)));
  }, [status, q]);

  return (
    <section className="card" aria-labelledby="emergency-accept-heading">
      <h1 id="emergency-accept-heading">{t("emergency.acceptTitle")}</h1>
      <InvitationGate email={q.get("email") ?? ""}>{() => (<>
        {state === "working" && <Loading label={t("emergency.accepting")} />}
        {state === "done" && (<>
          <p role="status">{t("emergency.accepted", { name })}</p>
          <Link to="/settings/emergency-access">{t("emergency.title")}</Link>
        </>)}
        {state !== "working" && state !== "done" && <ErrorMessage message={state} />}
      </>)}</InvitationGate>
    </section>
  );
}
