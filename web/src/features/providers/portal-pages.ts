import { t, type MessageKey } from "../../lib/i18n/messages";

/**
 * The Provider Portal's pages in sidebar order, by path segment under /providers/:providerId, with the key of each
 * page's name: the sidebar, the breadcrumbs and the command palette all name a page this way.
 */
const pages: readonly (readonly [segment: string, name: MessageKey])[] = [
  ["clients", "portal.nav.clients"], ["dashboard", "portal.nav.dashboard"], ["tags", "portal.nav.tags"],
  ["templates", "portal.nav.templates"], ["bulk", "portal.nav.bulk"], ["confirm", "portal.nav.confirm"],
  ["members", "portal.nav.members"], ["assignments", "access.nav.assignments"], ["teams", "access.nav.teams"],
  ["access", "access.nav.requests"], ["events", "portal.nav.events"], ["settings", "portal.nav.settings"],
];

export const portalPages: readonly (readonly [segment: string, name: string])[] = pages.map(([segment, name]) => [segment, t(name)]);

/** The name of the portal page at `segment`, if it is one. */
export const portalPageName = (segment: string) => portalPages.find(([s]) => s === segment)?.[1];
