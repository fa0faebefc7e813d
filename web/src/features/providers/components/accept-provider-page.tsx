import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
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
    providerName: params.get("providerName") ?? "the provider",
    token: params.get("token") ?? "",
  };
  const complete = invite.providerId && invite.providerUserId && invite.token;
  return (
    <div className="portal-narrow">
      <PageHeader title="Join provider" />
      {!complete && <ErrorMessage message="This invitation link is incomplete. Open the link from the email again." />}
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
    return <p role="status">You joined {invite.providerName}; a provider admin must confirm you.</p>;
  }
  const otherAccount = invite.email && invite.email.toLowerCase() !== profile.email.toLowerCase();
  return (
    <form className="panel portal-form" onSubmit={accept}>
      <p>{invite.providerName} invited {invite.email || profile.email} to join as a provider member.</p>
      {otherAccount && <p className="error">This invitation was sent to {invite.email}, but you are logged in as {profile.email}.</p>}
      {busy && <Loading label="Accepting the invitation…" />}
      <ErrorMessage message={error} />
      {error && <Button type="submit" disabled={busy}>Try again</Button>}
    </form>
  );
}
