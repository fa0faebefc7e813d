import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { GroupsPage } from "./groups-page";
import { api, chooseRowAction, list, renderPage, serveCollections, startOrgSession } from "./org-fixture.test-support";

afterEach(() => logOut());

const memberId = "55555555-5555-4555-8555-555555555555";
const collectionId = "88888888-8888-4888-8888-888888888888";
const groupId = "99999999-9999-4999-8999-000000000001";
const group = { object: "groupDetails", id: groupId, organizationId: "x", name: "Support", externalId: null,
  collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }] };

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("groups page", { timeout: 30_000 }, () => {
  it("lists groups with their collections and edits one's members", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, [{ id: collectionId, name: "Finance" }], [group]);
    let body: unknown = null;
    server.use(
      http.get(`${api}/users`, () =>
        list([{ id: memberId, userId: null, email: "ann@example.com", name: null, type: 2, status: 2, permissions: {}, collections: [], groups: [] }])),
      http.get(`${api}/groups/${groupId}/users`, () => HttpResponse.json([])),
      http.put(`${api}/groups/${groupId}`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(group);
      }),
    );
    renderPage("groups", <GroupsPage />);
    const row = (await screen.findByRole("cell", { name: "Support" })).closest("tr")!;
    expect(await within(row).findByText("Finance")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Edit Support" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Support" });
    await userEvent.click(await within(dialog).findByLabelText("ann@example.com"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).toEqual({ name: "Support", externalId: null, collections: group.collections, users: [memberId] }));
  });
  it("creates a group with collection access and a member, and deletes one", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, [{ id: collectionId, name: "Finance" }], [group]);
    let created: unknown = null;
    let deleted = false;
    server.use(
      http.get(`${api}/users`, () =>
        list([{ id: memberId, userId: null, email: "ann@example.com", name: null, type: 2, status: 2, permissions: {}, collections: [], groups: [] }])),
      http.post(`${api}/groups`, async ({ request }) => {
        created = await request.json();
        return HttpResponse.json(group);
      }),
      http.delete(`${api}/groups`, async ({ request }) => {
        deleted = ((await request.json()) as { ids: string[] }).ids.join() === groupId;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("groups", <GroupsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "New group" }));
    const dialog = screen.getByRole("dialog", { name: "New group" });
    await userEvent.type(within(dialog).getByLabelText("Name"), "Engineering");
    await userEvent.click(await within(dialog).findByLabelText("Finance"));
    await userEvent.click(within(dialog).getByLabelText("Hide passwords: Finance"));
    await userEvent.click(within(dialog).getByLabelText("ann@example.com"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(created).toEqual({ name: "Engineering", externalId: null,
      collections: [{ id: collectionId, readOnly: false, hidePasswords: true, manage: false }], users: [memberId] }));
    await chooseRowAction("Support", "Delete");
    const confirm = screen.getByRole("dialog", { name: "Delete Support" });
    expect(within(confirm).getByText(/lose the access these groups gave them to: Finance/)).toBeTruthy();
    await userEvent.click(within(confirm).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(deleted).toBe(true));
  });
});
