import { useRoutes, type RouteObject } from "react-router";

/**
 * A product's routes loaded on first visit (route-level code splitting): the router matches "path/*" and the
 * product's own route list renders beneath it as descendant routes, so each route module stays a plain RouteObject[]
 * that tests mount directly and other pages are added to as before.
 */
export function lazyRoutes(path: string, load: () => Promise<RouteObject[]>): RouteObject {
  return {
    path: `${path}/*`,
    lazy: async () => {
      const routes = await load();
      return { Component: () => useRoutes(routes) };
    },
  };
}
