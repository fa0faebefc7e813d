import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { encrypt } from "../../../lib/crypto/enc-string";
import { hashMasterPassword, makeMasterKey } from "../../../lib/crypto/kdf";
import { generateRsaKeyPair, rsaEncrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { MembersPage } from "./members-page";
import { api, chooseRowAction, list, renderPage, serveCollections, startOrgSession } from "./org-fixture.test-support";

afterEach(() => logOut());

const memberId = "a5555555-5555-4555-8555-555555555555";
const email = "ann@example.com";

// Real RSA keys and PBKDF2: slow on a busy 2-core machine, so the timeout is explicit.
describe("members page, account recovery", { timeout: 30_000 }, () => {
  it("re-wraps the member's user key under the new password in the browser and sends only the hash and the key", async () => {
    const session = await startOrgSession();
    await serveCollections(session.orgKey, []);
    const orgKeys = await generateRsaKeyPair();
    const memberUserKey = makeUserKey();
    let sent: { newMasterPasswordHash: string; key: string } | null = null;
    server.use(
      http.get(`${api}/users`, () => list([
        { object: "organizationUserUserDetails", id: memberId, userId: "b6666666-6666-4666-8666-666666666666", email, name: null, type: 2, status: 2,
          permissions: {}, collections: [], groups: [], resetPasswordEnrolled: true },
        { object: "organizationUserUserDetails", id: "c7777777-7777-4777-8777-777777777777", userId: null, email: "new@example.com", name: null, type: 2,
          status: 2, permissions: {}, collections: [], groups: [], resetPasswordEnrolled: false },
      ])),
      http.get(`${api}/users/${memberId}/reset-password-details`, async () => HttpResponse.json({
        object: "organizationUserResetPasswordDetails", organizationUserId: memberId, kdf: 0, kdfIterations: 5000, kdfMemory: null, kdfParallelism: null,
        resetPasswordKey: await rsaEncrypt(symmetricKeyToBytes(memberUserKey), orgKeys.publicKeySpki),
        encryptedPrivateKey: await encrypt(orgKeys.privateKeyPkcs8, session.orgKey),
      })),
      http.put(`${api}/users/${memberId}/reset-password`, async ({ request }) => {
        sent = (await request.json()) as typeof sent;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    renderPage("members", <MembersPage />);
    await userEvent.click(await screen.findByRole("button", { name: "More actions for new@example.com" }));
    expect(screen.queryByRole("menuitem", { name: "Recover account" })).toBeNull();
    await userEvent.keyboard("{Escape}");
    await chooseRowAction(email, "Recover account");
    const dialog = screen.getByRole("dialog", { name: `Recover account of ${email}` });
    await userEvent.type(within(dialog).getByLabelText("Temporary master password"), "temporary password 1");
    await userEvent.type(within(dialog).getByLabelText("Confirm temporary master password"), "temporary password 2");
    await userEvent.click(within(dialog).getByRole("button", { name: "Recover account" }));
    expect(await within(dialog).findByText("The passwords do not match.")).toBeTruthy();
    await userEvent.clear(within(dialog).getByLabelText("Confirm temporary master password"));
    await userEvent.type(within(dialog).getByLabelText("Confirm temporary master password"), "temporary password 1");
    await userEvent.click(within(dialog).getByRole("button", { name: "Recover account" }));

    await waitFor(() => expect(sent).not.toBeNull());
    const masterKey = await makeMasterKey("temporary password 1", email, { type: 0, iterations: 5000 });
    expect(sent!.newMasterPasswordHash).toBe(await hashMasterPassword(masterKey, "temporary password 1"));
    const unwrapped = await unlockUserKey(sent!.key, masterKey);
    expect(symmetricKeyToBytes(unwrapped)).toEqual(symmetricKeyToBytes(memberUserKey));
  }, 60_000);
});
