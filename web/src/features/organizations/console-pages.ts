import { t, type MessageKey } from "../../lib/i18n/messages";

/**
 * The Admin Console's pages in sidebar order, by path segment under /organizations/:orgId, with the key of each page's
 * name: the sidebar, the breadcrumbs and the command palette all name a page this way. A provider's client also
 * has the provider-access page, which the sidebar puts after the event log.
 */
const pages: readonly (readonly [segment: string, name: MessageKey])[] = [
  ["members", "members.title"], ["groups", "groups.title"], ["collections", "collections.title"], ["policies", "policies.title"],
  ["events", "console.eventLog"], ["reports", "console.reports"], ["import", "console.import"], ["export", "console.export"],
  ["settings", "settings.title"],
];

export const consolePages: readonly (readonly [segment: string, name: string])[] = pages.map(([segment, name]) => [segment, t(name)]);

/** The name of the console page at `segment`, if it is one. */
export const consolePageName = (segment: string) =>
  segment === "provider-access" ? t("access.nav.providerAccess") : consolePages.find(([s]) => s === segment)?.[1];
