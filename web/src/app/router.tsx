import { createHashRouter, matchPath, Navigate, type RouteObject } from "react-router";
import { Loading } from "../components/ui/loading";
import { AppLayout } from "./app-layout";
import { RequireUnlocked } from "./require-unlocked";
import { adminRoutes } from "./routes/admin-routes";
import { LockRoute } from "./routes/lock-route";
import { LoginRoute } from "./routes/login-route";
import { providerPublicRoutes } from "./routes/provider-public-routes";
import { publicRoutes } from "./routes/public-routes";
import { UpdatePasswordRoute } from "./routes/update-password-route";
import { vaultRoutes } from "./routes/vault-routes";
import { TwoStepLoginPage } from "../features/account/components/two-step-login-page";

/**
 * The Admin Console's and the Provider Portal's route modules, loaded the first time a path under them is visited
 * (route-level code splitting): the router knows only the product's own route at first and patches its children in
 * (patchRoutesOnNavigation), so each module stays a plain RouteObject[] that tests mount directly and other pages are
 * added to as before. The router only asks for routes under a path with parameters, so the vault's and Admin's route
 * lists (static paths) are in the first bundle, and their pages load on first visit (route `lazy`).
 */
const products: { id: string; path: string; load: () => Promise<RouteObject[]> }[] = [
  { id: "admin-console", path: "/organizations/:organizationId", load: async () => (await import("./routes/admin-console-routes")).adminConsoleRoutes },
  { id: "provider-portal", path: "/providers/:providerId", load: async () => (await import("./routes/provider-portal-routes")).providerPortalRoutes },
];
const patched = new Set<string>();
const product = (id: string) => ({ id, path: products.find((p) => p.id === id)!.path.slice(1) });

/**
 * Hash routes, like the official web vault, so the server needs no fallback route for deep links and the invitation
 * links it mails (#/accept-organization, #/providers/setup-provider, #/providers/accept-provider) land here.
 * Each product owns one route module: vault (/vault), Admin Console (/organizations/:organizationId),
 * Provider Portal (/providers/:providerId), Admin (/admin, by admin token), and public pages (register, invitations).
 * Login, lock and the public pages are in the first bundle.
 */
export const router = createHashRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: <Navigate to="/vault" replace /> },
      { path: "login", element: <LoginRoute /> },
      { path: "lock", element: <LockRoute /> },
      { path: "login-with-device", lazy: async () => ({ Component: (await import("./routes/login-with-device-route")).LoginWithDeviceRoute }) },
      ...publicRoutes,
      ...providerPublicRoutes,
      { path: "admin", children: adminRoutes },
      {
        element: <RequireUnlocked />,
        children: [
          { path: "update-password", element: <UpdatePasswordRoute /> },
          { path: "vault", children: vaultRoutes },
          { path: "settings/two-step-login", element: <TwoStepLoginPage /> },
          { path: "settings/security-events", lazy: async () => ({ Component: (await import("../features/account/components/security-events-page")).SecurityEventsPage }) },
          { path: "settings/login-requests", lazy: async () => ({ Component: (await import("./routes/login-requests-route")).LoginRequestsRoute }) },
          { path: "settings/emergency-access", lazy: async () => ({ Component: (await import("../features/emergency-access/components/emergency-access-page")).EmergencyAccessPage }) },
          { path: "settings/emergency-access/:id/view", lazy: async () => ({ Component: (await import("../features/emergency-access/components/emergency-view-page")).EmergencyViewPage }) },
          { path: "organizations/new", lazy: async () => ({ Component: (await import("./routes/new-organization-route")).NewOrganizationRoute }) },
          product("admin-console"),
          product("provider-portal"),
        ],
      },
      { path: "*", element: <Navigate to="/vault" replace /> },
    ],
  },
], {
  async patchRoutesOnNavigation({ path, patch, signal }) {
    for (const p of products) {
      const match = matchPath({ path: p.path, end: false }, path);
      // organizations/new and the provider invitation pages are routes of their own, not an id.
      if (patched.has(p.id) || !match || ["new", "setup-provider", "accept-provider"].includes(Object.values(match.params)[0] ?? "")) continue;
      const children = await p.load();
      // The router drops a patch made for a navigation that was interrupted meanwhile; the next one patches again.
      if (signal.aborted) continue;
      patch(p.id, children);
      patched.add(p.id);
    }
  },
});
