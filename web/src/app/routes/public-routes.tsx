import type { RouteObject } from "react-router";
import { AcceptOrganizationRoute } from "./accept-organization-route";
import { RegisterRoute } from "./register-route";

/** Pages reached without being logged in: registration and the organization invitation link. */
export const publicRoutes: RouteObject[] = [
  { path: "register", element: <RegisterRoute /> },
  { path: "accept-organization", element: <AcceptOrganizationRoute /> },
];
