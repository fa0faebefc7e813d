import type { RouteObject } from "react-router";

/** Admin Console event log, reports, import and export (children of /organizations/:organizationId). */
export const adminConsoleToolsRoutes: RouteObject[] = [];
