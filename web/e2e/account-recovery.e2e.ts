import { describe, expect, it } from "vitest";
import { loginWithPassword } from "../src/features/auth/api/login-with-password";
import { ApiClient } from "../src/lib/api-client";
import { makeRegistrationMaterial } from "../src/lib/crypto/account-keys";
import { fromBase64, toBase64 } from "../src/lib/crypto/bytes";
import { decryptToString, encrypt } from "../src/lib/crypto/enc-string";
import { generateRsaKeyPair, rsaEncrypt } from "../src/lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../src/lib/crypto/symmetric-key";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();
const kdf = { type: 0, iterations: 600_000 } as const;

/** A registered account (the server's production KDF floor) and an API client logged in as it. */
async function account(email: string, password: string) {
  const client = new ApiClient({ baseUrl: env.server.baseUrl });
  const m = await makeRegistrationMaterial(password, email, kdf);
  await client.post("/identity/accounts/register", {
    email, masterPasswordHash: m.masterPasswordHash, key: m.key, keys: { publicKey: m.publicKey, encryptedPrivateKey: m.encryptedPrivateKey },
    kdf: 0, kdfIterations: kdf.iterations, kdfMemory: null, kdfParallelism: null,
  });
  const login = await loginWithPassword(client, email, password, crypto.randomUUID());
  return { publicKey: m.publicKey, userKey: login.keys.userKey, api: new ApiClient({ baseUrl: env.server.baseUrl, getAccessToken: () => login.accessToken }) };
}

describe("account recovery in Chromium", () => {
  it("an owner recovers a member in the Admin Console; the member must choose a new password and keeps their items", async () => {
    const ownerEmail = uniqueEmail("owner");
    const owner = await account(ownerEmail, "owner's long master password");
    const orgKey = makeUserKey();
    const orgKeys = await generateRsaKeyPair();
    const org = await owner.api.post<{ id: string }>("/api/organizations", {
      name: "Recovery Org", billingEmail: ownerEmail, planType: 20,
      key: await rsaEncrypt(symmetricKeyToBytes(orgKey), fromBase64(owner.publicKey)),
      keys: { publicKey: toBase64(orgKeys.publicKeySpki), encryptedPrivateKey: await encrypt(orgKeys.privateKeyPkcs8, orgKey) },
    });
    await owner.api.request(`/api/organizations/${org.id}/policies/3`, { method: "PUT", json: { enabled: true, data: null } });
    await owner.api.request(`/api/organizations/${org.id}/policies/8`, { method: "PUT", json: { enabled: true, data: { autoEnrollEnabled: true } } });

    // The member joins as the web vault does with automatic enrollment: the user key wrapped to the org on accept.
    const memberEmail = uniqueEmail("member");
    const member = await account(memberEmail, "member's forgotten password");
    await owner.api.post(`/api/organizations/${org.id}/users/invite`, { emails: [memberEmail], type: 2, collections: [], groups: [] });
    const invite = new URLSearchParams(newestLinkTo(env.server.dataDir, memberEmail).split("?")[1]);
    const memberId = invite.get("organizationUserId")!;
    const keys = await member.api.get<{ publicKey: string }>(`/api/organizations/${org.id}/keys`);
    await member.api.post(`/api/organizations/${org.id}/users/${memberId}/accept`, {
      token: invite.get("token"), resetPasswordKey: await rsaEncrypt(symmetricKeyToBytes(member.userKey), fromBase64(keys.publicKey)),
    });
    await owner.api.post(`/api/organizations/${org.id}/users/${memberId}/confirm`, { key: await rsaEncrypt(symmetricKeyToBytes(orgKey), fromBase64(member.publicKey)) });
    const item = await member.api.post<{ id: string }>("/api/ciphers", { type: 2, name: await encrypt("Diary", member.userKey), secureNote: { type: 0 } });

    const admin = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(admin.page, ownerEmail, "owner's long master password");
    await admin.page.goto(`/#/organizations/${org.id}/members`);
    await admin.page.getByRole("button", { name: `More actions for ${memberEmail}` }).click();
    await admin.page.getByRole("menuitem", { name: "Recover account" }).click();
    const dialog = admin.page.getByRole("dialog", { name: `Recover account of ${memberEmail}` });
    await dialog.getByLabel("Temporary master password", { exact: true }).fill("temporary from the helpdesk");
    await dialog.getByLabel("Confirm temporary master password").fill("temporary from the helpdesk");
    await dialog.getByRole("button", { name: "Recover account" }).click();
    await expect.poll(() => admin.page.getByRole("cell", { name: "Account recovered" }).isVisible(), { timeout: 60_000 }).toBe(true);

    const person = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(person.page, memberEmail, "temporary from the helpdesk");
    await expect.poll(() => person.page.getByRole("heading", { name: "Update your master password" }).isVisible(), { timeout: 30_000 }).toBe(true);
    await person.page.getByLabel("New master password", { exact: true }).fill("the member's own new password");
    await person.page.getByLabel("Confirm new master password").fill("the member's own new password");
    await person.page.getByRole("button", { name: "Update master password" }).click();
    await expect.poll(() => person.page.url(), { timeout: 60_000 }).toContain("/login");

    // Their old item opens under the password they chose: the user key survived both changes.
    const client = new ApiClient({ baseUrl: env.server.baseUrl });
    const after = await loginWithPassword(client, memberEmail, "the member's own new password", crypto.randomUUID());
    const cipher = await new ApiClient({ baseUrl: env.server.baseUrl, getAccessToken: () => after.accessToken }).get<{ name: string }>(`/api/ciphers/${item.id}`);
    expect(await decryptToString(cipher.name, after.keys.userKey)).toBe("Diary");
  }, 300_000);
});
