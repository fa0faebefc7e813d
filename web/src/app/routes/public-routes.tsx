import type { RouteObject } from "react-router";

/** Public routes, mounted by ../router.tsx. */
export const publicRoutes: RouteObject[] = [];
