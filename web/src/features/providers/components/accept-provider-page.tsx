import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import type { Profile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { acceptProviderInvite } from "../api/provider-api";
import { InvitationGate } from "../../../components/invitation-gate";

interface Invite {
  providerId: string;
  providerUserId: string;
  email: string;
  providerName: string;
  token: string;
}

/** `#/providers/accept-provider?providerId=&providerUserId=&email=&providerName=&token=`, mailed to an invited user. */
export function AcceptProviderPage() {
  const [params] = useSearchParams();
  const invite: Invite = {
    providerId: params.get("providerId") ?? "",
    providerUserId: params.get("providerUserId") ?? "",
    email: params.get("email") ?? "",
    providerName: params.get("providerName") ?? t("portal.accept.theProvider"),
    token: params.get("token") ?? "",
  };
  const complete = invite.providerId && invite.providerUserId && invite.token;
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.accept.title")} />
      {!complete && <ErrorMessage message={t("portal.accept.incomplete")} />}
      {complete && (
        <InvitationGate email={invite.email} registerParams={{ providerUserId: invite.providerUserId, providerInviteToken: invite.token }}>
          {(profile) => <AcceptForm invite={invite} profile={profile} />}
        </InvitationGate>
      )}
    </div>
  );
}

/** Like the official web vault, a logged-in user accepts on arrival; a failure can be retried. */
function AcceptForm({ invite, profile }: { invite: Invite; profile: Profile }) {
  const [joined, setJoined] = useState(false);
  const { busy, error, handle } = useSubmit();
  const started = useRef(false);
  const accept = handle(async () => {
    await acceptProviderInvite(invite.providerId, invite.providerUserId, invite.token);
    setJoined(true);
  });
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void accept();
  });
  if (joined) {
    return <p role="status">{t("portal.accept.joined", { provider: invite.providerName })}</p>;
  }
  const otherAccount = invite.email && invite.email.toLowerCase() !== profile.email.toLowerCase();
  return (
    <form className="panel portal-form" onSubmit={accept}>
      <p>{t("portal.accept.invited", { provider: invite.providerName, email: invite.email || profile.email })}</p>
      {otherAccount && <p className="error">{t("portal.accept.otherAccount", { email: invite.email, current: profile.email })}</p>}
      {busy && <Loading label={t("portal.accept.busy")} />}
      <ErrorMessage message={error} />
      {error && <Button type="submit" disabled={busy}>{t("portal.accept.retry")}</Button>}
    </form>
  );
}
