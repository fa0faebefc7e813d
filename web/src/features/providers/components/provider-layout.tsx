import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SidebarLayout } from "../../../components/ui/sidebar-layout";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { useProvider } from "./use-provider";

const links = [
  ["clients", "Clients"], ["dashboard", "Dashboard"], ["tags", "Tags"], ["templates", "Templates"], ["bulk", "Bulk actions"], ["confirm", "Confirm members"],
  ["members", "Members"], ["assignments", t("access.nav.assignments")], ["teams", t("access.nav.teams")],
  ["access", t("access.nav.requests")], ["events", "Event log"], ["settings", "Settings"],
] as const;
/** Pages whose API answers provider admins only. */
const adminLinks = [["billing", t("ops.nav.billing")], ["audit", t("ops.nav.audit")], ["event-sinks", t("ops.nav.sinks")]] as const;

/** The Provider Portal: the provider's name, a sidebar of its pages, and the page. */
export function ProviderLayout() {
  const { name, known, isAdmin } = useProvider();
  // A user confirmed a moment ago holds the provider key only once the profile is read again.
  const reload = useSubmit();
  return (
    <div className="provider-portal">
      <p className="portal-provider-name">{name}</p>
      {!known && (
        <div className="portal-actions">
          <p className="error" role="alert">This provider is not among yours, or a provider admin has not confirmed you yet.</p>
          <Button type="button" className="secondary" disabled={reload.busy} onClick={reload.handle(async () => void (await refreshProfile()))}>
            Check again
          </Button>
          <ErrorMessage message={reload.error} />
        </div>
      )}
      <SidebarLayout label="Provider Portal" links={isAdmin ? [...links, ...adminLinks] : links} />
    </div>
  );
}
