import { Navigate, type RouteObject } from "react-router";
import { AccessRequestsPage } from "../../features/providers/components/access-requests-page";
import { AssignmentsPage } from "../../features/providers/components/assignments-page";
import { ClientsPage } from "../../features/providers/components/clients-page";
import { DashboardPage } from "../../features/providers/components/dashboard-page";
import { MembersPage } from "../../features/providers/components/members-page";
import { ProviderLayout } from "../../features/providers/components/provider-layout";
import { ProviderSettingsPage } from "../../features/providers/components/provider-settings-page";
import { TeamsPage } from "../../features/providers/components/teams-page";
import { providerBulkRoutes } from "./provider-bulk-routes";
import { loadClientSecurity } from "./client-security-loader";
import { providerToolsRoutes } from "./provider-tools-routes";

/** Provider Portal routes (children of /providers/:providerId), mounted by ../router.tsx. */
export const providerPortalRoutes: RouteObject[] = [
  {
    element: <ProviderLayout />,
    children: [
      { index: true, element: <Navigate to="clients" replace /> },
      { path: "clients", element: <ClientsPage /> },
      { path: "dashboard", element: <DashboardPage loadSecurity={loadClientSecurity} /> },
      { path: "members", element: <MembersPage /> },
      { path: "assignments", element: <AssignmentsPage /> },
      { path: "teams", element: <TeamsPage /> },
      { path: "access", element: <AccessRequestsPage /> },
      { path: "settings", element: <ProviderSettingsPage /> },
      ...providerToolsRoutes,
      ...providerBulkRoutes,
    ],
  },
];
