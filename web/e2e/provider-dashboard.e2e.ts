import { describe, expect, it } from "vitest";
import { ApiClient } from "../src/lib/api-client";
import { fromBase64, toBase64 } from "../src/lib/crypto/bytes";
import { encrypt } from "../src/lib/crypto/enc-string";
import { generateRsaKeyPair, rsaEncrypt } from "../src/lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../src/lib/crypto/symmetric-key";
import { registerApi } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading, openProduct, openSection } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { screenshot } from "./support/screenshot";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * Issue 21: the cross-client dashboard shows, per client, the figures of the data made here through the API (seats,
 * pending members), and its item-security view, computed in the browser, finds the weak, unsecured login.
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";

async function createClient(api: ApiClient, providerId: string, providerKey: SymmetricKey, name: string): Promise<{ id: string; key: SymmetricKey }> {
  const key = makeUserKey();
  const pair = await generateRsaKeyPair();
  await api.post(`/api/providers/${providerId}/clients`, {
    name, ownerEmail: uniqueEmail(`${name}-owner`), planType: 20, seats: 10,
    key: await encrypt(symmetricKeyToBytes(key), providerKey),
    keyPair: { publicKey: toBase64(pair.publicKeySpki), encryptedPrivateKey: await encrypt(pair.privateKeyPkcs8, key) },
    collectionName: await encrypt("Default", key),
  });
  const list = await api.get<{ data: { organizationId: string; organizationName: string }[] }>(`/api/providers/${providerId}/organizations?search=${name}`);
  return { id: list.data.find((c) => c.organizationName === name)!.organizationId, key };
}

describe("provider dashboard", () => {
  it("shows each client's seats and pending members as the data has them, and the browser finds the weak login", { timeout: 240_000 }, async () => {
    const ownerEmail = uniqueEmail("dash-owner");
    const { publicKey, api } = await registerApi(env.server, ownerEmail, password);
    const admin = new ApiClient({ baseUrl: env.server.baseUrl, getAccessToken: () => env.server.adminToken });
    const provider = await admin.post<{ id: string }>("/admin/providers", { name: "Dashboard MSP", type: 0, ownerEmail });
    const token = new URLSearchParams(newestLinkTo(env.server.dataDir, ownerEmail).split("?")[1]).get("token");
    const providerKey = makeUserKey();
    await api.post(`/api/providers/${provider.id}/setup`, {
      name: "Dashboard MSP", billingEmail: ownerEmail, token, key: await rsaEncrypt(symmetricKeyToBytes(providerKey), fromBase64(publicKey)),
    });
    const acme = await createClient(api, provider.id, providerKey, "Acme");
    await createClient(api, provider.id, providerKey, "Globex");
    // Acme: its owner and two more invited (3 seats, 3 pending acceptance); Globex: its owner only.
    await api.post(`/api/organizations/${acme.id}/users/invite`, {
      emails: [uniqueEmail("acme-a"), uniqueEmail("acme-b")], type: 2, collections: [], groups: [],
    });
    const collections = await api.get<{ data: { id: string }[] }>(`/api/organizations/${acme.id}/collections`);
    await api.post("/api/ciphers/create", {
      cipher: {
        type: 1, organizationId: acme.id, name: await encrypt("Acme router", acme.key), reprompt: 0,
        login: { username: await encrypt("admin", acme.key), password: await encrypt("password", acme.key), uris: [{ uri: await encrypt("http://192.0.2.1", acme.key), match: null }] },
      },
      collectionIds: [collections.data[0]!.id],
    });

    const { page } = await personPage(env.browser, env.server.baseUrl);
    await page.goto("/#/vault");
    await logInThroughUi(page, ownerEmail, password);
    await openProduct(page, "Dashboard MSP");
    await openSection(page, "Dashboard");
    await heading(page, "Dashboard");
    const table = page.getByRole("table", { name: "Client dashboard" });
    const row = (name: string) => table.getByRole("row").filter({ hasText: name });
    await expect.poll(() => row("Acme").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => row("Acme").getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["3 / 10", "3", "0"]));
    await expect.poll(() => row("Globex").getByRole("cell").allTextContents()).toEqual(expect.arrayContaining(["1 / 10", "1"]));

    // Nobody confirmed yet, so no client has members without two-step login.
    await page.getByLabel("Show").selectOption({ label: "Members without two-step login" });
    await expect.poll(() => page.getByText("No client matches this search and filter.").count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel("Show").selectOption({ label: "All clients" });
    await expect.poll(() => row("Acme").count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("button", { name: "Check item security" }).click();
    await expect.poll(() => row("Acme").textContent(), { timeout: 60_000 }).toContain("1 weak, 0 reused, 1 unsecured");
    await expect.poll(() => row("Globex").textContent()).toContain("No items carried");
    await screenshot(page, "provider-dashboard");
  });
});
