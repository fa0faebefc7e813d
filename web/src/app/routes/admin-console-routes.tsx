import type { RouteObject } from "react-router";

/** Admin Console routes, mounted by ../router.tsx. */
export const adminConsoleRoutes: RouteObject[] = [];
