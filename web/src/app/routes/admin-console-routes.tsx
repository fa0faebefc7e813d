import { Navigate, type RouteObject } from "react-router";
import { CollectionsPage } from "../../features/organizations/components/collections-page";
import { ConsoleLayout } from "../../features/organizations/components/console-layout";
import { GroupsPage } from "../../features/organizations/components/groups-page";
import { MembersPage } from "../../features/organizations/components/members-page";
import { SettingsPage } from "../../features/organizations/components/settings-page";
import { adminConsoleToolsRoutes } from "./admin-console-tools-routes";

/** Admin Console routes (children of /organizations/:organizationId), mounted by ../router.tsx. */
export const adminConsoleRoutes: RouteObject[] = [
  {
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <Navigate to="members" replace /> },
      { path: "members", element: <MembersPage /> },
      { path: "groups", element: <GroupsPage /> },
      { path: "collections", element: <CollectionsPage /> },
      { path: "settings", element: <SettingsPage /> },
      ...adminConsoleToolsRoutes,
    ],
  },
];
