import { createHashRouter, Navigate } from "react-router";
import { Loading } from "../components/ui/loading";
import { AppLayout } from "./app-layout";
import { lazyRoutes } from "./lazy-routes";
import { RequireUnlocked } from "./require-unlocked";
import { LockRoute } from "./routes/lock-route";
import { LoginRoute } from "./routes/login-route";
import { providerPublicRoutes } from "./routes/provider-public-routes";
import { publicRoutes } from "./routes/public-routes";

/**
 * Hash routes, like the official web vault, so the server needs no fallback route for deep links and the invitation
 * links it mails (#/accept-organization, #/providers/setup-provider, #/providers/accept-provider) land here.
 * Each product owns one route module: vault (/vault), Admin Console (/organizations/:organizationId),
 * Provider Portal (/providers/:providerId), Admin (/admin, by admin token), and public pages (register, invitations).
 * Login and lock are in the first bundle; every product is loaded when first visited (lazy-routes.tsx).
 */
export const router = createHashRouter([
  {
    element: <AppLayout />,
    hydrateFallbackElement: <Loading />,
    children: [
      { index: true, element: <Navigate to="/vault" replace /> },
      { path: "login", element: <LoginRoute /> },
      { path: "lock", element: <LockRoute /> },
      ...publicRoutes,
      ...providerPublicRoutes,
      lazyRoutes("admin", async () => (await import("./routes/admin-routes")).adminRoutes),
      {
        element: <RequireUnlocked />,
        children: [
          lazyRoutes("vault", async () => (await import("./routes/vault-routes")).vaultRoutes),
          { path: "organizations/new", lazy: async () => ({ Component: (await import("./routes/new-organization-route")).NewOrganizationRoute }) },
          lazyRoutes("organizations/:organizationId", async () => (await import("./routes/admin-console-routes")).adminConsoleRoutes),
          lazyRoutes("providers/:providerId", async () => (await import("./routes/provider-portal-routes")).providerPortalRoutes),
        ],
      },
      { path: "*", element: <Navigate to="/vault" replace /> },
    ],
  },
]);
