import { EventLogPage } from "../../events/components/event-log-page";
import { Loading } from "../../../components/ui/loading";
import { t } from "../../../lib/i18n/messages";
import { useProfile } from "../../../lib/profile";

/**
 * Account settings › Security events: the caller's own account log (GET /api/events), the events that belong to
 * no org: emergency access on either side, two-step login changes, approved login requests.
 */
export function SecurityEventsPage() {
  const profile = useProfile();
  return profile ? <EventLogPage source={{ kind: "user", id: profile.id }} title={t("account.securityEvents")} /> : <Loading />;
}
