import { createHashRouter, Navigate } from "react-router";
import { AppLayout } from "./app-layout";
import { RequireUnlocked } from "./require-unlocked";
import { adminConsoleRoutes } from "./routes/admin-console-routes";
import { adminRoutes } from "./routes/admin-routes";
import { LockRoute } from "./routes/lock-route";
import { LoginRoute } from "./routes/login-route";
import { NewOrganizationRoute } from "./routes/new-organization-route";
import { providerPortalRoutes } from "./routes/provider-portal-routes";
import { providerPublicRoutes } from "./routes/provider-public-routes";
import { publicRoutes } from "./routes/public-routes";
import { UpdatePasswordRoute } from "./routes/update-password-route";
import { vaultRoutes } from "./routes/vault-routes";

/**
 * Hash routes, like the official web vault, so the server needs no fallback route for deep links and the invitation
 * links it mails (#/accept-organization, #/providers/setup-provider, #/providers/accept-provider) land here.
 * Each product owns one route module: vault (/vault), Admin Console (/organizations/:organizationId),
 * Provider Portal (/providers/:providerId), Admin (/admin, by admin token), and public pages (register, invitations).
 */
export const router = createHashRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/vault" replace /> },
      { path: "login", element: <LoginRoute /> },
      { path: "lock", element: <LockRoute /> },
      ...publicRoutes,
      ...providerPublicRoutes,
      { path: "admin", children: adminRoutes },
      {
        element: <RequireUnlocked />,
        children: [
          { path: "update-password", element: <UpdatePasswordRoute /> },
          { path: "vault", children: vaultRoutes },
          { path: "organizations/new", element: <NewOrganizationRoute /> },
          { path: "organizations/:organizationId", children: adminConsoleRoutes },
          { path: "providers/:providerId", children: providerPortalRoutes },
        ],
      },
      { path: "*", element: <Navigate to="/vault" replace /> },
    ],
  },
]);
