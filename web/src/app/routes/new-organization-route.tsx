import { useNavigate } from "react-router";
import { NewOrganizationPage } from "../../features/organizations/components/new-organization-page";
import { refreshProfile, useProfile } from "../../lib/profile";

export function NewOrganizationRoute() {
  const profile = useProfile()!; // RequireUnlocked has loaded it
  const navigate = useNavigate();
  return (
    <NewOrganizationPage userId={profile.id} email={profile.email} onCreated={async (orgId) => {
      await refreshProfile(); // the new org's key arrives wrapped to the user in the profile
      navigate(`/organizations/${orgId}`);
    }} />
  );
}
