import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { AccessSettingsPanel } from "./access-settings-panel";
import { ids, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";
import { TeamsPage } from "./teams-page";

afterEach(() => logOut());

const base = `/api/providers/${ids.provider}`;
const list = (data: object[]) => HttpResponse.json({ object: "list", data, continuationToken: null });
const tech = { object: "providerUserUserDetails", id: ids.member, userId: ids.memberUser, type: 1, status: 2, name: null, email: "tech@example.com" };

describe("teams and the access rule", { timeout: 60_000 }, () => {
  it("creates a team with a member, renames it, and deletes it", async () => {
    await startProviderSession(0);
    const calls: string[] = [];
    const team = { id: "99999999-9999-4999-8999-999999999999", name: "Night shift", providerUserIds: [ids.member], organizationIds: [] };
    let teams: object[] = [];
    server.use(
      http.get(`${base}/users`, () => list([tech])),
      http.get(`${base}/teams`, () => list(teams)),
      http.post(`${base}/teams`, async ({ request }) => (calls.push(`POST ${JSON.stringify(await request.json())}`), (teams = [team]), HttpResponse.json(team))),
      http.put(`${base}/teams/:id`, async ({ request }) => (calls.push(`PUT ${JSON.stringify(await request.json())}`), HttpResponse.json({ ...team, name: "Day shift" }))),
      http.delete(`${base}/teams/:id`, ({ params }) => (calls.push(`DELETE ${params.id}`), (teams = []), new HttpResponse(null))),
    );
    renderAt(`/providers/${ids.provider}/teams`, [{ path: "/providers/:providerId/teams", element: <TeamsPage /> }]);
    await userEvent.click(await screen.findByRole("button", { name: "New team" }));
    const dialog = screen.getByRole("dialog", { name: "New team" });
    await userEvent.type(within(dialog).getByLabelText("Team name"), "Night shift");
    await userEvent.click(await within(dialog).findByRole("checkbox", { name: "Select tech@example.com" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls).toEqual([`POST ${JSON.stringify({ name: "Night shift", providerUserIds: [ids.member], organizationIds: [] })}`]));
    const row = (await screen.findByRole("cell", { name: "Night shift" })).closest("tr")!;
    expect(within(row).getByText("tech@example.com")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Edit Night shift" }));
    const edit = screen.getByRole("dialog", { name: "Edit Night shift" });
    await userEvent.clear(within(edit).getByLabelText("Team name"));
    await userEvent.type(within(edit).getByLabelText("Team name"), "Day shift");
    await userEvent.click(within(edit).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls[1]).toBe(`PUT ${JSON.stringify({ name: "Day shift", providerUserIds: [ids.member], organizationIds: [] })}`));

    await userEvent.click(screen.getByRole("button", { name: "More actions for Night shift" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Delete" }));
    await userEvent.click(within(screen.getByRole("dialog", { name: "Delete team Night shift" })).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(calls[2]).toBe(`DELETE ${team.id}`));
  });

  it("saves the longest grant and the approval rule; a service user only reads them", async () => {
    await startProviderSession(0);
    let saved: unknown = null;
    server.use(
      http.get(`${base}/access-settings`, () => HttpResponse.json({ maxGrantMinutes: 480, requestsNeedApproval: true, clients: [] })),
      http.put(`${base}/access-settings`, async ({ request }) => ((saved = await request.json()),
        HttpResponse.json({ maxGrantMinutes: 120, requestsNeedApproval: false, clients: [] }))),
    );
    const { unmount } = renderAt("/", [{ path: "/", element: <AccessSettingsPanel providerId={ids.provider} canEdit /> }]);
    const minutes = await screen.findByLabelText(/Longest time-boxed access/);
    await userEvent.clear(minutes);
    await userEvent.type(minutes, "120");
    await userEvent.click(screen.getByLabelText("Access requests need a provider admin's approval"));
    await userEvent.click(screen.getByRole("button", { name: "Save access settings" }));
    await waitFor(() => expect(saved).toEqual({ maxGrantMinutes: 120, requestsNeedApproval: false }));
    unmount();

    renderAt("/", [{ path: "/", element: <AccessSettingsPanel providerId={ids.provider} canEdit={false} /> }]);
    expect(((await screen.findByLabelText(/Longest time-boxed access/)) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save access settings" })).toBeNull();
  });
});
