import type { RouteObject } from "react-router";

/** Admin routes, mounted by ../router.tsx. */
export const adminRoutes: RouteObject[] = [];
