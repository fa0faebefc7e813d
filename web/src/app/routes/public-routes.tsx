import type { RouteObject } from "react-router";
import { AcceptEmergencyRoute } from "./accept-emergency-route";
import { AcceptOrganizationRoute } from "./accept-organization-route";
import { RegisterRoute } from "./register-route";

/** Pages reached without being logged in: registration and the organization and emergency-contact invitation links. */
export const publicRoutes: RouteObject[] = [
  { path: "register", element: <RegisterRoute /> },
  { path: "accept-organization", element: <AcceptOrganizationRoute /> },
  { path: "accept-emergency", element: <AcceptEmergencyRoute /> },
];
