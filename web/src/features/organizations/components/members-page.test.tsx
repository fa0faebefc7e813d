import { render, screen, waitFor, within } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { constantTimeEqual } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { generateRsaKeyPair, rsaDecrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { MembersPage } from "./members-page";
import { api, chooseRowAction, list, orgId, publicKeyBase64, renderPage, serveCollections, startOrgSession } from "./org-fixture.test-support";

afterEach(() => logOut());

const acceptedId = "55555555-5555-4555-8555-555555555555";
const acceptedUser = "66666666-6666-4666-8666-666666666666";
const invitedId = "77777777-7777-4777-8777-777777777777";
const collectionId = "88888888-8888-4888-8888-888888888888";
const groupId = "99999999-9999-4999-8999-000000000001";

function member(id: string, email: string, status: number, type = 2, userId: string | null = null) {
  return { object: "organizationUserUserDetails", id, userId, email, name: null, type, status, permissions: {}, collections: [], groups: [] };
}
const accepted = { ...member(acceptedId, "ann@example.com", 1, 2, acceptedUser), groups: [groupId], twoFactorEnabled: true };
const invited = member(invitedId, "new@example.com", 0, 1);

async function setUp(rows: object[]) {
  const session = await startOrgSession();
  await serveCollections(session.orgKey, [{ id: collectionId, name: "Finance" }], [{ id: groupId, name: "Support", collections: [] }]);
  server.use(http.get(`${api}/users`, () => list(rows)));
  return session;
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("members page", { timeout: 30_000 }, () => {
  it("lists members with role and status, and filters by the search box", async () => {
    await setUp([accepted, invited]);
    renderPage("members", <MembersPage />);
    const row = (await screen.findByRole("cell", { name: "ann@example.com" })).closest("tr")!;
    expect(within(row).getByText("User")).toBeTruthy();
    expect(within(row).getByText("Accepted")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: "Two-step login" })).toBeTruthy();
    expect(within(row).getByText("On")).toBeTruthy();
    expect(await within(row).findByText("Support")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reinvite new@example.com" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Confirm new@example.com" })).toBeNull();
    await userEvent.type(screen.getByLabelText("Search members"), "ann");
    expect(screen.queryByRole("cell", { name: "new@example.com" })).toBeNull();
  });

  it("invites with a custom role, permissions, and access to a collection named by its decrypted name", async () => {
    await setUp([]);
    let body: unknown = null;
    server.use(http.post(`${api}/users/invite`, async ({ request }) => {
      body = await request.json();
      return new HttpResponse(null, { status: 200 });
    }));
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Invite member" }));
    const dialog = screen.getByRole("dialog", { name: "Invite member" });
    await userEvent.type(within(dialog).getByLabelText("Email addresses"), "a@example.com, b@example.com");
    await userEvent.selectOptions(within(dialog).getByLabelText("Role"), "Custom");
    await userEvent.click(within(dialog).getByLabelText("Manage users"));
    await userEvent.click(await within(dialog).findByLabelText("Finance"));
    await userEvent.click(within(dialog).getByLabelText("Read only: Finance"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Invite" }));
    await waitFor(() => expect(body).toEqual({
      emails: ["a@example.com", "b@example.com"], type: 4, permissions: { manageUsers: true },
      collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }], groups: [], accessSecretsManager: false,
    }));
  });

  it("shows the fingerprint phrase and confirms by wrapping the org key to the member's public key", async () => {
    const session = await setUp([accepted]);
    const memberKeys = await generateRsaKeyPair();
    let posted = "";
    server.use(
      http.post(`${api}/users/public-keys`, () =>
        list([{ object: "organizationUserPublicKeyResponseModel", id: acceptedId, userId: acceptedUser, key: publicKeyBase64(memberKeys) }])),
      http.post(`${api}/users/${acceptedId}/confirm`, async ({ request }) => {
        posted = ((await request.json()) as { key: string }).key;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Confirm ann@example.com" }));
    const dialog = screen.getByRole("dialog", { name: "Confirm ann@example.com" });
    const phrase = await fingerprintPhrase(acceptedUser, memberKeys.publicKeySpki);
    expect(await within(dialog).findByText(phrase)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));
    await waitFor(() => expect(posted).toMatch(/^4\./));
    expect(constantTimeEqual(await rsaDecrypt(posted, memberKeys.privateKeyPkcs8), symmetricKeyToBytes(session.orgKey))).toBe(true);
  });

  it("revokes a selection in bulk and shows each row's result", async () => {
    await setUp([accepted, invited]);
    let ids: string[] = [];
    server.use(http.put(`${api}/users/revoke`, async ({ request }) => {
      ids = ((await request.json()) as { ids: string[] }).ids;
      return list([{ id: acceptedId, error: "" }, { id: invitedId, error: "You cannot revoke yourself." }]);
    }));
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all members" }));
    expect(screen.getByText("2 selected")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Revoke selected" }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(screen.getByText("You cannot revoke yourself.")).toBeTruthy();
    expect(ids).toEqual([acceptedId, invitedId]);
  });

  it("shows the server's refusal to remove a member", async () => {
    await setUp([accepted]);
    server.use(http.delete(`${api}/users/${acceptedId}`, () =>
      HttpResponse.json({ message: "Organization must have at least one confirmed owner." }, { status: 400 })));
    renderPage("members", <MembersPage />);
    await chooseRowAction("ann@example.com", "Remove");
    const dialog = screen.getByRole("dialog", { name: "Remove ann@example.com" });
    expect(within(dialog).getByText(/lose access to every collection and item/)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("Organization must have at least one confirmed owner.");
  });

  it("confirms a selection in bulk, skipping members who have not accepted", async () => {
    const session = await setUp([accepted, invited]);
    const memberKeys = await generateRsaKeyPair();
    let keys: { id: string; key: string }[] = [];
    server.use(
      http.post(`${api}/users/public-keys`, () =>
        list([{ object: "organizationUserPublicKeyResponseModel", id: acceptedId, userId: acceptedUser, key: publicKeyBase64(memberKeys) }])),
      http.post(`${api}/users/confirm`, async ({ request }) => {
        keys = ((await request.json()) as { keys: typeof keys }).keys;
        return list(keys.map((k) => ({ object: "OrganizationBulkConfirmResponseModel", id: k.id, error: "" })));
      }),
    );
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all members" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm selected" }));
    const dialog = screen.getByRole("dialog", { name: "Confirm members" });
    expect(await within(dialog).findByText(await fingerprintPhrase(acceptedUser, memberKeys.publicKeySpki))).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(screen.getByText("Not accepted yet; skipped.")).toBeTruthy();
    expect(keys.map((k) => k.id)).toEqual([acceptedId]);
    expect(constantTimeEqual(await rsaDecrypt(keys[0]!.key, memberKeys.privateKeyPkcs8), symmetricKeyToBytes(session.orgKey))).toBe(true);
  });

  it("edits a member's role and collection access, starting from what they have", async () => {
    await setUp([{ ...accepted, status: 2, collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }] }]);
    let body: unknown = null;
    server.use(http.put(`${api}/users/${acceptedId}`, async ({ request }) => {
      body = await request.json();
      return new HttpResponse(null, { status: 200 });
    }));
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit ann@example.com" }));
    const dialog = screen.getByRole("dialog", { name: "Edit ann@example.com" });
    expect((await within(dialog).findByLabelText("Read only: Finance") as HTMLInputElement).checked).toBe(true);
    await userEvent.selectOptions(within(dialog).getByLabelText("Role"), "Admin");
    await userEvent.click(within(dialog).getByLabelText("Manage: Finance"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).toEqual({
      type: 1, permissions: {}, collections: [{ id: collectionId, readOnly: true, hidePasswords: false, manage: true }], groups: [groupId], accessSecretsManager: false,
    }));
  });

  it("names every address that is not one, at once, and sends nothing until mended", async () => {
    await setUp([accepted]);
    let sent = 0;
    server.use(http.post(`${api}/users/invite`, () => {
      sent++;
      return new HttpResponse(null, { status: 200 });
    }));
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Invite member" }));
    const dialog = screen.getByRole("dialog", { name: "Invite member" });
    const field = within(dialog).getByLabelText("Email addresses");
    await userEvent.type(field, "a@example.com, bob, carol@");
    await userEvent.click(within(dialog).getByRole("button", { name: "Invite" }));
    expect(within(dialog).getByText("Not an email address: bob, carol@")).toBeTruthy();
    expect(field.getAttribute("aria-invalid")).toBe("true");
    await userEvent.clear(field);
    await userEvent.type(field, "a@example.com");
    expect(within(dialog).queryByText(/Not an email address/)).toBeNull();
    expect(sent).toBe(0);
  });

  it("opens searched for the member a link names (as the command palette links)", async () => {
    await setUp([accepted, invited]);
    const router = createMemoryRouter([{ path: "/organizations/:organizationId/members", element: <MembersPage /> }],
      { initialEntries: [`/organizations/${orgId}/members?search=new%40example.com`] });
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole("cell", { name: "new@example.com" })).toBeTruthy();
    expect((screen.getByLabelText("Search members") as HTMLInputElement).value).toBe("new@example.com");
    expect(screen.queryByRole("cell", { name: "ann@example.com" })).toBeNull();
  });
});
