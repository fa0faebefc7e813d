import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { Link, useLocation } from "react-router";
import { SidebarLayout } from "../../../components/ui/sidebar-layout";
import { t } from "../../../lib/i18n/messages";
import { useProfile } from "../../../lib/profile";
import { useOrganization } from "./use-organization";
import { consolePageName, consolePages } from "../console-pages";

/**
 * The Admin Console: the org's name (and, for a provider's client, the provider with a way back and a switcher to
 * its other clients on the same page), a sidebar of its pages, and the page.
 */
export function ConsoleLayout() {
  const { orgId: organizationId, name, known, providerId } = useOrganization();
  const profile = useProfile();
  // A provider's client also shows who of the provider reaches its vault.
  const pages = providerId ? [...consolePages.slice(0, 5), ["provider-access", consolePageName("provider-access")!] as const, ...consolePages.slice(5)] : consolePages;
  const client = profile?.providerOrganizations.find((o) => o.id === organizationId);
  return (
    <div className="admin-console">
      <div className="context-bar">
        <p className="console-org-name">{name}</p>
        {client?.providerId && (
          <>
            <p className="portal-muted">
              {t("console.clientOf")} <Link to={`/providers/${client.providerId}/clients`}>{client.providerName ?? t("console.yourProvider")}</Link>
            </p>
            <ClientSwitcher providerId={client.providerId} currentId={organizationId} />
          </>
        )}
      </div>
      {!known && <p className="error" role="alert">{t("console.notAdministered")}</p>}
      <SidebarLayout label={t("products.adminConsole")} links={pages} />
    </div>
  );
}

/** The provider's other clients, opened on the page being looked at (Members of one client → Members of the next). */
function ClientSwitcher({ providerId, currentId }: { providerId: string; currentId: string }) {
  const profile = useProfile();
  const { pathname } = useLocation();
  const page = pathname.split("/")[3] ?? "members";
  const clients = (profile?.providerOrganizations ?? []).filter((o) => o.providerId === providerId && o.id !== currentId)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (clients.length === 0) return null;
  return (
    <MenuTrigger>
      <AriaButton className="button secondary small">{t("console.switchClient")} <span aria-hidden="true">▾</span></AriaButton>
      <Popover className="menu-popover" placement="bottom start">
        <Menu className="menu" aria-label={t("console.switchClient")} items={clients}>
          {(o) => <MenuItem id={o.id} href={`#/organizations/${o.id}/${page}`} className="menu-item">{o.name}</MenuItem>}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
