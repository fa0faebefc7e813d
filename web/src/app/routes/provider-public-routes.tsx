import type { RouteObject } from "react-router";

/** Provider invitation pages reached from mailed links (/providers/setup-provider, /providers/accept-provider). */
export const providerPublicRoutes: RouteObject[] = [];
