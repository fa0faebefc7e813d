import { t, type MessageKey } from "../../lib/i18n/messages";

/**
 * The Provider Portal's pages in sidebar order, by path segment under /providers/:providerId, with the key of each
 * page's name: the sidebar, the breadcrumbs and the command palette all name a page this way.
 */
const pages: readonly (readonly [segment: string, name: MessageKey, adminsOnly?: boolean])[] = [
  ["clients", "portal.nav.clients"], ["dashboard", "portal.nav.dashboard"], ["tags", "portal.nav.tags"],
  ["templates", "portal.nav.templates"], ["bulk", "portal.nav.bulk"], ["confirm", "portal.nav.confirm"],
  ["members", "portal.nav.members"], ["assignments", "access.nav.assignments"], ["teams", "access.nav.teams"],
  ["access", "access.nav.requests"], ["events", "portal.nav.events"], ["settings", "portal.nav.settings"],
  // Their API answers provider admins only, so service users are not shown them.
  ["billing", "ops.nav.billing", true], ["audit", "ops.nav.audit", true], ["event-sinks", "ops.nav.sinks", true],
];

export const portalPages: readonly (readonly [segment: string, name: string])[] = pages.map(([segment, name]) => [segment, t(name)]);

/** The pages a provider user sees: all of them for a provider admin, the others for a service user. */
export const portalPagesFor = (isAdmin: boolean) => portalPages.filter((_, i) => isAdmin || !pages[i]![2]);

/** The name of the portal page at `segment`, if it is one. */
export const portalPageName = (segment: string) => portalPages.find(([s]) => s === segment)?.[1];
