import type { RouteObject } from "react-router";

/** Provider Portal routes, mounted by ../router.tsx. */
export const providerPortalRoutes: RouteObject[] = [];
