import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, useLocation, type RouteObject } from "react-router";

/** Shows where navigation went, for tests that follow a link or a redirect. */
export function WhereAmI() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname}</p>;
}

/** Renders `routes` at `path` in a memory router, with a catch-all that reports the location. */
export function renderAt(path: string, routes: RouteObject[]) {
  const router = createMemoryRouter([...routes, { path: "*", element: <WhereAmI /> }], { initialEntries: [path] });
  return { router, ...render(<RouterProvider router={router} />) };
}
