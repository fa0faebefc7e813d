import type { RouteObject } from "react-router";

/** Provider Portal event log (children of /providers/:providerId). */
export const providerToolsRoutes: RouteObject[] = [];
