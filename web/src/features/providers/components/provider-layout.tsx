import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SidebarLayout } from "../../../components/ui/sidebar-layout";
import { t } from "../../../lib/i18n/messages";
import { refreshProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { portalPages } from "../portal-pages";
import { useProvider } from "./use-provider";

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
      <SidebarLayout label={t("portal.label")} links={portalPages} />
    </div>
  );
}
