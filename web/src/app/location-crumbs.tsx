import { useLocation } from "react-router";
import { Breadcrumbs, type Crumb } from "../components/ui/breadcrumbs";
import { portalPageName } from "../features/providers/portal-pages";
import { t } from "../lib/i18n/messages";
import { useProfile, type Profile } from "../lib/profile";
import { consolePageName } from "../features/organizations/console-pages";

/** A page's name by its path segment; an unknown segment is shown capitalised. */
const pageName = (segment: string) => consolePageName(segment) ?? segment.charAt(0).toUpperCase() + segment.slice(1).replace(/-/g, " ");

/** provider › client › page, from the route and the names the profile holds. */
export function crumbsFor(pathname: string, profile: Profile | null): Crumb[] {
  const [, area, id, page] = pathname.split("/");
  if (!id || id === "new" || id === "setup-provider" || id === "accept-provider") return [];
  if (area === "providers") {
    const provider = profile?.providers.find((p) => p.id === id);
    return [{ label: provider?.name ?? t("portal.defaultName"), to: `/providers/${id}/clients` },
      ...(page ? [{ label: portalPageName(page) ?? pageName(page) }] : [])];
  }
  if (area === "organizations") {
    const org = [...(profile?.organizations ?? []), ...(profile?.providerOrganizations ?? [])].find((o) => o.id === id);
    const crumbs: Crumb[] = [];
    if (org?.providerId) crumbs.push({ label: org.providerName ?? t("portal.defaultName"), to: `/providers/${org.providerId}/clients` });
    crumbs.push({ label: org?.name ?? t("palette.organization"), to: `/organizations/${id}/members` });
    if (page) crumbs.push({ label: pageName(page) });
    return crumbs;
  }
  return [];
}

export function LocationCrumbs() {
  const { pathname } = useLocation();
  const profile = useProfile();
  return <Breadcrumbs items={crumbsFor(pathname, profile)} />;
}
