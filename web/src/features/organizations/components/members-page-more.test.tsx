import { screen, waitFor, within } from "@testing-library/react";
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
import { api, chooseRowAction, list, publicKeyBase64, renderPage, serveCollections, startOrgSession } from "./org-fixture.test-support";

afterEach(() => logOut());

const annId = "a5555555-5555-4555-8555-555555555555";
const annUser = "a6666666-6666-4666-8666-666666666666";
const bobId = "b5555555-5555-4555-8555-555555555555";
const bobUser = "b6666666-6666-4666-8666-666666666666";
const invitedId = "c7777777-7777-4777-8777-777777777777";
const collectionId = "d8888888-8888-4888-8888-888888888888";

function member(id: string, email: string, status: number, userId: string | null, collections: object[] = []) {
  return { object: "organizationUserUserDetails", id, userId, email, name: null, type: 2, status, permissions: {}, collections, groups: [] };
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("members page, bulk confirm and edit", { timeout: 30_000 }, () => {
  it("confirms a selection in bulk: a phrase per member, each key wrapped to that member, results per row", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, []);
    const annKeys = await generateRsaKeyPair();
    const bobKeys = await generateRsaKeyPair();
    let posted: { id: string; key: string }[] = [];
    server.use(
      http.get(`${api}/users`, () => list([
        member(annId, "ann@example.com", 1, annUser), member(bobId, "bob@example.com", 1, bobUser),
        member(invitedId, "new@example.com", 0, null),
      ])),
      http.post(`${api}/users/public-keys`, () => list([
        { object: "organizationUserPublicKeyResponseModel", id: annId, userId: annUser, key: publicKeyBase64(annKeys) },
        { object: "organizationUserPublicKeyResponseModel", id: bobId, userId: bobUser, key: publicKeyBase64(bobKeys) },
      ])),
      http.post(`${api}/users/confirm`, async ({ request }) => {
        posted = ((await request.json()) as { keys: { id: string; key: string }[] }).keys;
        return list([{ id: annId, error: "" }, { id: bobId, error: "Member is not accepted." }]);
      }),
    );
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all members" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm selected" }));
    const dialog = screen.getByRole("dialog", { name: "Confirm members" });
    expect(await within(dialog).findByText(await fingerprintPhrase(annUser, annKeys.publicKeySpki))).toBeTruthy();
    expect(within(dialog).getByText(await fingerprintPhrase(bobUser, bobKeys.publicKeySpki))).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));

    // The Result column is the last before the row's actions.
    const resultOf = async (email: string) =>
      within((await screen.findByRole("cell", { name: email })).closest("tr")!).getAllByRole("cell").at(-2)!.textContent;
    await waitFor(async () => expect(await resultOf("ann@example.com")).toBe("Done"));
    expect(await resultOf("bob@example.com")).toBe("Member is not accepted.");
    expect(await resultOf("new@example.com")).toBe("Not accepted yet; skipped.");
    expect(posted.map((k) => k.id)).toEqual([annId, bobId]);
    const orgKeyBytes = symmetricKeyToBytes(session.orgKey);
    expect(constantTimeEqual(await rsaDecrypt(posted[0]!.key, annKeys.privateKeyPkcs8), orgKeyBytes)).toBe(true);
    expect(constantTimeEqual(await rsaDecrypt(posted[1]!.key, bobKeys.privateKeyPkcs8), orgKeyBytes)).toBe(true);
  });

  it("edits a member's role and collection access, starting from what they have", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, [{ id: collectionId, name: "Finance" }]);
    let body: unknown = null;
    server.use(
      http.get(`${api}/users`, () => list([member(annId, "ann@example.com", 2, annUser,
        [{ id: collectionId, readOnly: true, hidePasswords: false, manage: false }])])),
      http.put(`${api}/users/${annId}`, async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Edit ann@example.com" }));
    const dialog = screen.getByRole("dialog", { name: /ann@example.com/ });
    expect((within(dialog).getByLabelText("Read only: Finance") as HTMLInputElement).checked).toBe(true);
    await userEvent.selectOptions(within(dialog).getByLabelText("Role"), "Admin");
    await userEvent.click(within(dialog).getByLabelText("Read only: Finance"));
    await userEvent.click(within(dialog).getByLabelText("Manage: Finance"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).toEqual({
      type: 1, permissions: {}, collections: [{ id: collectionId, readOnly: false, hidePasswords: false, manage: true }],
      groups: [], accessSecretsManager: false,
    }));
  });
  it("removes a selection after the dialog, showing each row's result, and restores a revoked member", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, []);
    let removed: string[] = [];
    let restored = false;
    server.use(
      http.get(`${api}/users`, () => list([member(annId, "ann@example.com", 2, annUser), member(bobId, "bob@example.com", -1, bobUser)])),
      http.delete(`${api}/users`, async ({ request }) => {
        removed = ((await request.json()) as { ids: string[] }).ids;
        return list([{ id: annId, error: "Organization must have at least one confirmed owner." }, { id: bobId, error: "" }]);
      }),
      http.put(`${api}/users/${bobId}/restore`, () => {
        restored = true;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("members", <MembersPage />);
    await chooseRowAction("bob@example.com", "Restore");
    await waitFor(() => expect(restored).toBe(true));
    // The table stays while reloading, so focus goes back to the row's menu button, not to the page.
    const trigger = screen.getByRole("button", { name: "More actions for bob@example.com" });
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    await userEvent.click(screen.getByRole("checkbox", { name: "Select ann@example.com" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Select bob@example.com" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove selected" }));
    const dialog = screen.getByRole("dialog", { name: "Remove members" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Remove" }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(screen.getByText("Organization must have at least one confirmed owner.")).toBeTruthy();
    expect(removed).toEqual([annId, bobId]);
  });
});
