import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { constantTimeEqual } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { generateRsaKeyPair, rsaDecrypt, type RsaKeyPair } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { MembersPage } from "./members-page";
import { ids, publicKeyBase64, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

afterEach(() => logOut());

const routes = [{ path: "/providers/:providerId/members", element: <MembersPage /> }];
const path = `/providers/${ids.provider}/members`;
const users = `/api/providers/${ids.provider}/users`;

function user(id: string, email: string, status: number, type = 1, userId: string | null = null) {
  return { object: "providerUserUserDetails", id, userId, type, status, name: null, email, permissions: {} };
}

const accepted = user(ids.member, "tech@example.com", 1, 1, ids.memberUser);
const invited = user("77777777-7777-4777-8777-777777777777", "new@example.com", 0);

function serveUsers(rows: object[]) {
  server.use(http.get(users, () => HttpResponse.json({ object: "list", data: rows, continuationToken: null })));
}

function servePublicKey(memberKeys: RsaKeyPair) {
  server.use(http.post(`${users}/public-keys`, async ({ request }) => {
    const { ids: asked } = (await request.json()) as { ids: string[] };
    const data = asked.filter((id) => id === ids.member)
      .map((id) => ({ object: "providerUserPublicKeyResponseModel", id, userId: ids.memberUser, key: publicKeyBase64(memberKeys) }));
    return HttpResponse.json({ object: "list", data, continuationToken: null });
  }));
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("members page", { timeout: 30_000 }, () => {
  it("lists provider users with their type and status", async () => {
    await startProviderSession();
    serveUsers([accepted, invited]);
    renderAt(path, routes);
    const row = (await screen.findByRole("cell", { name: "tech@example.com" })).closest("tr")!;
    expect(within(row).getByText("Service user")).toBeTruthy();
    expect(within(row).getByText("Accepted")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Reinvite new@example.com" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Confirm new@example.com" })).toBeNull();
  });

  it("confirms after showing the fingerprint phrase, wrapping the provider key to the user's public key", async () => {
    const session = await startProviderSession();
    const memberKeys = await generateRsaKeyPair();
    serveUsers([accepted]);
    servePublicKey(memberKeys);
    let posted = "";
    server.use(http.post(`${users}/${ids.member}/confirm`, async ({ request }) => {
      posted = ((await request.json()) as { key: string }).key;
      return new HttpResponse(null, { status: 200 });
    }));
    renderAt(path, routes);

    await userEvent.click(await screen.findByRole("button", { name: "Confirm tech@example.com" }));
    const dialog = screen.getByRole("dialog", { name: "Confirm tech@example.com" });
    const phrase = await fingerprintPhrase(ids.memberUser, memberKeys.publicKeySpki);
    expect(await within(dialog).findByText(phrase)).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));

    await waitFor(() => expect(posted).toMatch(/^4\./));
    const opened = await rsaDecrypt(posted, memberKeys.privateKeyPkcs8);
    expect(constantTimeEqual(opened, symmetricKeyToBytes(session.providerKey))).toBe(true);
  });

  it("confirms a selection in bulk and shows each row's result", async () => {
    const session = await startProviderSession();
    const memberKeys = await generateRsaKeyPair();
    serveUsers([accepted, invited]);
    servePublicKey(memberKeys);
    let keys: { id: string; key: string }[] = [];
    server.use(http.post(`${users}/confirm`, async ({ request }) => {
      keys = ((await request.json()) as { keys: typeof keys }).keys;
      return HttpResponse.json({ object: "list", data: keys.map((k) => ({ object: "providerBulkConfirmResponseModel", id: k.id, error: "" })) });
    }));
    renderAt(path, routes);

    await userEvent.click(await screen.findByRole("checkbox", { name: "Select all members" }));
    expect((screen.getByRole("checkbox", { name: "Select new@example.com" }) as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByRole("checkbox", { name: "Select new@example.com" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Select new@example.com" }));
    expect(screen.getByText("2 selected")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Confirm selected" }));
    const dialog = screen.getByRole("dialog", { name: "Confirm members" });
    expect(await within(dialog).findByText("not accepted yet, skipped")).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));

    expect(await screen.findByText("Done")).toBeTruthy();
    expect(screen.getByText("Not accepted yet; cannot be confirmed.")).toBeTruthy();
    expect(keys.map((k) => k.id)).toEqual([ids.member]);
    expect(constantTimeEqual(await rsaDecrypt(keys[0]!.key, memberKeys.privateKeyPkcs8), symmetricKeyToBytes(session.providerKey))).toBe(true);
  });

  it("invites addresses with a type and shows the server's refusal to remove the last admin", async () => {
    await startProviderSession();
    serveUsers([user(ids.member, "pat@example.com", 2, 0, ids.user)]);
    let invite: unknown = null;
    server.use(
      http.post(`${users}/invite`, async ({ request }) => {
        invite = await request.json();
        return new HttpResponse(null, { status: 200 });
      }),
      http.delete(users, () => HttpResponse.json({ message: "Provider must have at least one confirmed ProviderAdmin." }, { status: 400 })),
    );
    renderAt(path, routes);

    await userEvent.click(await screen.findByRole("button", { name: "Invite member" }));
    await userEvent.type(screen.getByLabelText("Email addresses"), "a@example.com, b@example.com");
    await userEvent.selectOptions(screen.getByLabelText("Type"), "Provider admin");
    await userEvent.click(screen.getByRole("button", { name: "Invite" }));
    await waitFor(() => expect(invite).toEqual({ emails: ["a@example.com", "b@example.com"], type: 0 }));

    await userEvent.click(screen.getByRole("button", { name: "More actions for pat@example.com" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Remove" }));
    await userEvent.click(within(screen.getByRole("dialog", { name: "Remove members" })).getByRole("button", { name: "Remove" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Provider must have at least one confirmed ProviderAdmin.");
  });

  it("tells service users that only admins manage members", async () => {
    await startProviderSession(1);
    renderAt(path, routes);
    expect(screen.getByText("Only provider admins can see and manage the provider's members.")).toBeTruthy();
  });
});
