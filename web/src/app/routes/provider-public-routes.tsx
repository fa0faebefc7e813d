import type { RouteObject } from "react-router";
import { AcceptProviderPage } from "../../features/providers/components/accept-provider-page";
import { SetupProviderPage } from "../../features/providers/components/setup-provider-page";

/** Provider invitation pages reached from mailed links (/providers/setup-provider, /providers/accept-provider). */
export const providerPublicRoutes: RouteObject[] = [
  { path: "providers/setup-provider", element: <SetupProviderPage /> },
  { path: "providers/accept-provider", element: <AcceptProviderPage /> },
];
