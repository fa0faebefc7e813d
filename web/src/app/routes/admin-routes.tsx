import type { RouteObject } from "react-router";

/** Admin routes (children of /admin, by admin token, no user login), mounted by ../router.tsx; loaded on first visit. */
export const adminRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import("../../features/admin/components/admin-page")).AdminPage }) },
];
