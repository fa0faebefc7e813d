import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { CollectionsPage } from "./collections-page";
import { api, chooseRowAction, list, renderPage, serveCollections, startOrgSession } from "./org-fixture.test-support";

afterEach(() => logOut());

const memberId = "55555555-5555-4555-8555-555555555555";
const collectionId = "88888888-8888-4888-8888-888888888888";
const groupId = "44444444-4444-4444-8444-444444444444";

async function setUp() {
  const session = await startOrgSession();
  await serveCollections(session.orgKey, [{ id: collectionId, name: "Finance" }]);
  server.use(http.get(`${api}/users`, () =>
    list([{ id: memberId, userId: null, email: "ann@example.com", name: null, type: 2, status: 2, permissions: {}, collections: [], groups: [] }])));
  return session;
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("collections page", { timeout: 30_000 }, () => {
  it("lists decrypted names and creates a collection whose name is encrypted with the org key", async () => {
    const session = await setUp();
    let body: { name: string; users: unknown[]; groups: unknown[] } | null = null;
    server.use(http.post(`${api}/collections`, async ({ request }) => {
      body = (await request.json()) as typeof body;
      return HttpResponse.json({});
    }));
    renderPage("collections", <CollectionsPage />);
    expect(await screen.findByRole("cell", { name: "Finance" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "New collection" }));
    const dialog = screen.getByRole("dialog", { name: "New collection" });
    await userEvent.type(within(dialog).getByLabelText("Name"), "Engineering");
    await userEvent.click(await within(dialog).findByLabelText("ann@example.com"));
    await userEvent.click(within(dialog).getByLabelText("Manage: ann@example.com"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).not.toBeNull());
    expect(body!.name).toMatch(/^2\./);
    expect(await decryptToString(body!.name, session.orgKey)).toBe("Engineering");
    expect(body!.users).toEqual([{ id: memberId, readOnly: false, hidePasswords: false, manage: true }]);
  });

  it("edits a nested collection: keeps its group access, renames it, and adds a member", async () => {
    const session = await setUp();
    const readOnly = { id: groupId, readOnly: true, hidePasswords: false, manage: false };
    const row = { id: collectionId, organizationId: "x", name: await encrypt("Clients/Acme", session.orgKey), groups: [readOnly], users: [] };
    let body: { name: string; users: unknown[]; groups: unknown[] } | null = null;
    server.use(
      http.get(`${api}/collections/details`, () => list([row])),
      http.get(`${api}/groups/details`, () => list([{ id: groupId, name: "Support", collections: [] }])),
      http.put(`${api}/collections/${collectionId}`, async ({ request }) => {
        body = (await request.json()) as typeof body;
        return HttpResponse.json({});
      }),
    );
    renderPage("collections", <CollectionsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit Clients/Acme" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Clients/Acme" });
    expect((await within(dialog).findByLabelText("Read only: Support") as HTMLInputElement).checked).toBe(true);
    await userEvent.clear(within(dialog).getByLabelText("Name"));
    await userEvent.type(within(dialog).getByLabelText("Name"), "Clients/Acme Corp");
    await userEvent.click(within(dialog).getByLabelText("ann@example.com"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).not.toBeNull());
    expect(await decryptToString(body!.name, session.orgKey)).toBe("Clients/Acme Corp");
    expect(body!.groups).toEqual([readOnly]);
    expect(body!.users).toEqual([{ id: memberId, readOnly: false, hidePasswords: false, manage: false }]);
  });

  it("shows the server's refusal to delete", async () => {
    await setUp();
    server.use(http.delete(`${api}/collections`, () =>
      HttpResponse.json({ message: "You cannot delete this collection." }, { status: 400 })));
    renderPage("collections", <CollectionsPage />);
    await chooseRowAction("Finance", "Delete");
    const dialog = screen.getByRole("dialog", { name: "Delete Finance" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("You cannot delete this collection.");
  });

  it("deletes a selection in one request after naming what is lost", async () => {
    const session = await setUp();
    const second = "99999999-9999-4999-8999-999999999999";
    const access = { readOnly: false, hidePasswords: false, manage: false };
    const rows = [
      { id: collectionId, organizationId: "x", name: await encrypt("Finance", session.orgKey), groups: [{ id: groupId, ...access }], users: [] },
      { id: second, organizationId: "x", name: await encrypt("Legal", session.orgKey), groups: [], users: [{ id: memberId, ...access }] },
    ];
    let ids: string[] = [];
    server.use(
      http.get(`${api}/collections/details`, () => list(rows)),
      http.delete(`${api}/collections`, async ({ request }) => {
        ids = ((await request.json()) as { ids: string[] }).ids;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("collections", <CollectionsPage />);
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all collections" }));
    const bar = screen.getByRole("group", { name: "Selected collections" });
    expect(within(bar).getByText("2 selected")).toBeTruthy();
    await userEvent.click(within(bar).getByRole("button", { name: "Delete selected" }));
    const dialog = screen.getByRole("dialog", { name: "Delete 2 collections" });
    expect(within(dialog).getByText(/Deleting Finance, Legal ends the access it gives \(groups: 1; members: 1\)/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(ids.sort()).toEqual([collectionId, second].sort()));
  });
});
