import { useParams } from "react-router";
import { administeredOrganization, useProfile } from "../../../lib/profile";
import { t } from "../../../lib/i18n/messages";

/** The org of the current route as this user's profile knows it (a member's or a provider's entry). */
export function useOrganization() {
  const { organizationId = "" } = useParams();
  const profile = useProfile();
  const entry = profile ? administeredOrganization(profile, organizationId) : undefined;
  return {
    orgId: organizationId,
    name: entry?.name ?? t("palette.organization"),
    known: entry !== undefined,
    useGroups: entry?.useGroups ?? true,
    usePolicies: entry?.usePolicies ?? true,
    providerId: entry?.providerId ?? null,
  };
}
