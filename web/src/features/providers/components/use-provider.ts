import { useParams } from "react-router";
import { t } from "../../../lib/i18n/messages";
import { ProviderUserType, useProfile } from "../../../lib/profile";
import { keyStore } from "../../../lib/session";

/** The provider of the current route, as this user's profile knows it: name, role and key. */
export function useProvider() {
  const { providerId = "" } = useParams();
  const profile = useProfile();
  const entry = profile?.providers.find((p) => p.id === providerId);
  return {
    providerId,
    name: entry?.name ?? t("portal.defaultName"),
    isAdmin: entry?.type === ProviderUserType.ProviderAdmin,
    key: keyStore.providerKey(providerId),
    known: entry !== undefined,
  };
}
