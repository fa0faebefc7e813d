import type { RouteObject } from "react-router";
import { VaultPage } from "../../features/vault/components/vault-page";

/** Vault routes, mounted by ../router.tsx. Filters live in the query (?type=1, ?folder=…, ?trash). */
export const vaultRoutes: RouteObject[] = [{ index: true, element: <VaultPage /> }];
