import type { RouteObject } from "react-router";
import { AcceptEmergencyRoute } from "./accept-emergency-route";
import { AcceptOrganizationRoute } from "./accept-organization-route";
import { RegisterRoute } from "./register-route";

/** Pages reached without being logged in: registration, the organization and emergency-contact invitation links and a received Send. */
export const publicRoutes: RouteObject[] = [
  { path: "register", element: <RegisterRoute /> },
  { path: "accept-organization", element: <AcceptOrganizationRoute /> },
  { path: "accept-emergency", element: <AcceptEmergencyRoute /> },
  // The key is the link's last segment, inside the fragment, so it never reaches the server.
  { path: "send/:accessId/:key", lazy: async () => ({ Component: (await import("../../features/vault/components/received-send-page")).ReceivedSendPage }) },
];
