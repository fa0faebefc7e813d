import { render, screen, within } from "@testing-library/react";
import { http } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { logOut } from "../../lib/session";
import { server } from "../../test/msw-server";
import { api, list, orgId, serveCollections, startOrgSession } from "../../features/organizations/components/org-fixture.test-support";
import { adminConsoleRoutes } from "./admin-console-routes";

afterEach(() => logOut());

describe("admin console", () => {
  it("opens on Members under the org's name, with the sidebar", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, []);
    server.use(http.get(`${api}/users`, () => list([])));
    const router = createMemoryRouter([{ path: "/organizations/:organizationId", children: adminConsoleRoutes }],
      { initialEntries: [`/organizations/${orgId}`] });
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole("heading", { level: 1, name: "Members" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/organizations/${orgId}/members`);
    expect(screen.getByText("Acme Corp")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Admin Console" });
    const names = within(nav).getAllByRole("link").map((a) => a.textContent);
    expect(names).toEqual(["Members", "Groups", "Collections", "Policies", "Event log", "Reports", "Import", "Export", "Settings"]);
    expect(within(nav).getByRole("link", { name: "Event log" }).getAttribute("href")).toBe(`/organizations/${orgId}/events`);
  }, 30_000); // real key generation and wrapping
});
