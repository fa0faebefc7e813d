import type { RouteObject } from "react-router";

/** Vault routes, mounted by ../router.tsx. */
export const vaultRoutes: RouteObject[] = [];
