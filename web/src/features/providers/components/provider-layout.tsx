import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SidebarLayout } from "../../../components/ui/sidebar-layout";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { useProvider } from "./use-provider";

const links = [
  ["clients", t("portal.nav.clients")], ["dashboard", t("portal.nav.dashboard")], ["tags", t("portal.nav.tags")],
  ["templates", t("portal.nav.templates")], ["bulk", t("portal.nav.bulk")], ["confirm", t("portal.nav.confirm")],
  ["members", t("portal.nav.members")], ["assignments", t("access.nav.assignments")], ["teams", t("access.nav.teams")],
  ["access", t("access.nav.requests")], ["events", t("portal.nav.events")], ["settings", t("portal.nav.settings")],
] as const;

/** The Provider Portal: the provider's name, a sidebar of its pages, and the page. */
export function ProviderLayout() {
  const { name, known } = useProvider();
  // A user confirmed a moment ago holds the provider key only once the profile is read again.
  const reload = useSubmit();
  return (
    <div className="provider-portal">
      <p className="portal-provider-name">{name}</p>
      {!known && (
        <div className="portal-actions">
          <p className="error" role="alert">{t("portal.notYours")}</p>
          <Button type="button" className="secondary" disabled={reload.busy} onClick={reload.handle(async () => void (await refreshProfile()))}>
            {t("portal.checkAgain")}
          </Button>
          <ErrorMessage message={reload.error} />
        </div>
      )}
      <SidebarLayout label={t("portal.label")} links={links} />
    </div>
  );
}
