import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile, type Profile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { setupProvider, type ProviderFields } from "../api/provider-api";
import { InvitationGate } from "../../../components/invitation-gate";
import { ProviderFieldInputs } from "./provider-fields";

/** `#/providers/setup-provider?providerId=&providerUserId=&email=&token=`, mailed to the owner the system admin named. */
export function SetupProviderPage() {
  const [params] = useSearchParams();
  const providerId = params.get("providerId") ?? "";
  const providerUserId = params.get("providerUserId") ?? "";
  const email = params.get("email") ?? "";
  const token = params.get("token") ?? "";
  const providerName = params.get("providerName") ?? "";
  const complete = providerId && token;
  return (
    <div className="portal-narrow">
      <PageHeader title={t("portal.setup.title")} />
      {!complete && <ErrorMessage message={t("portal.setup.incomplete")} />}
      {complete && (
        <InvitationGate email={email} registerParams={providerUserId ? { providerUserId, providerInviteToken: token } : {}}>
          {(profile) => <SetupForm profile={profile} providerId={providerId} email={email} token={token} providerName={providerName} />}
        </InvitationGate>
      )}
    </div>
  );
}

function SetupForm({ profile, providerId, email, token, providerName }:
  { profile: Profile; providerId: string; email: string; token: string; providerName: string }) {
  const navigate = useNavigate();
  const [fields, setFields] = useState<ProviderFields>({ name: providerName, businessName: "", billingEmail: email || profile.email });
  const missing = !fields.name.trim() || !fields.billingEmail.trim();
  const { busy, error, handle } = useSubmit();
  const otherAccount = email && email.toLowerCase() !== profile.email.toLowerCase();

  const submit = handle(async () => {
    await setupProvider(providerId, fields, token, profile.id);
    await refreshProfile();
    navigate(`/providers/${providerId}`, { replace: true });
  });

  return (
    <form className="panel portal-form" onSubmit={submit} noValidate>
      <p>{t("portal.setup.keyNote")}</p>
      {otherAccount && <p className="error">{t("portal.setup.otherAccount", { email, current: profile.email })}</p>}
      <ProviderFieldInputs value={fields} onChange={setFields} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || missing}
        disabledReason={!busy && missing ? t("portal.setup.missing") : null}>
        {busy ? t("portal.setup.busy") : t("portal.setup.submit")}
      </Button>
    </form>
  );
}
