import type { RouteObject } from "react-router";

/**
 * Vault routes, mounted by ../router.tsx. Filters live in the query (?type=1, ?folder=…, ?trash); ?item=… opens one.
 * Pages are loaded on first visit (lazy), which keeps the first bundle small.
 */
export const vaultRoutes: RouteObject[] = [
  { index: true, lazy: async () => ({ Component: (await import("../../features/vault/components/vault-page")).VaultPage }) },
  { path: "sends", lazy: async () => ({ Component: (await import("../../features/vault/components/sends-page")).SendsPage }) },
];
