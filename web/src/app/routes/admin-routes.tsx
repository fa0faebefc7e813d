import type { RouteObject } from "react-router";
import { AdminPage } from "../../features/admin/components/admin-page";

/** Admin routes (children of /admin, by admin token, no user login), mounted by ../router.tsx. */
export const adminRoutes: RouteObject[] = [{ index: true, element: <AdminPage /> }];
