import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../src/lib/api-client";
import { fromBase64, toBase64 } from "../src/lib/crypto/bytes";
import { decryptToString, encrypt } from "../src/lib/crypto/enc-string";
import { generateRsaKeyPair, rsaEncrypt } from "../src/lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../src/lib/crypto/symmetric-key";
import { registerApi } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * Issue 21 in Chromium: a provider with 23 clients (made through the API, with real client-side keys) applies a
 * template to the 3 "Clinic" clients and a policy to the 20 "Bulk" clients from the Bulk actions page, edits the
 * template, opens the audit roll-up and billing pages, and exports the 3 "Clinic" clients into one zip whose files
 * decrypt with each client's org key.
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";

async function providerWithClients(): Promise<{ email: string; providerId: string; api: ApiClient; keys: Map<string, SymmetricKey> }> {
  const email = uniqueEmail("msp-bulk");
  const { publicKey, api } = await registerApi(env.server, email, password);
  const admin = new ApiClient({ baseUrl: env.server.baseUrl, getAccessToken: () => env.server.adminToken });
  await admin.post("/admin/providers", { name: "Bulk MSP", type: 0, ownerEmail: email });
  const setup = new URLSearchParams(newestLinkTo(env.server.dataDir, email).split("?")[1]);
  const providerId = setup.get("providerId")!;
  const providerKey = makeUserKey();
  await api.post(`/api/providers/${providerId}/setup`, {
    name: "Bulk MSP", billingEmail: email, token: setup.get("token"), key: await rsaEncrypt(symmetricKeyToBytes(providerKey), fromBase64(publicKey)),
  });
  const names = [...["1", "2", "3"].map((n) => `Clinic ${n}`), ...Array.from({ length: 20 }, (_, i) => `Bulk ${String(i).padStart(2, "0")}`)];
  const keys = new Map<string, SymmetricKey>();
  for (const name of names) {
    const key = makeUserKey();
    keys.set(name, key);
    const pair = await generateRsaKeyPair();
    await api.post(`/api/providers/${providerId}/clients`, {
      name, ownerEmail: uniqueEmail("client"), planType: 20, seats: 10,
      key: await encrypt(symmetricKeyToBytes(key), providerKey),
      keyPair: { publicKey: toBase64(pair.publicKeySpki), encryptedPrivateKey: await encrypt(pair.privateKeyPkcs8, key) },
      collectionName: await encrypt("Default collection", key),
    });
  }
  return { email, providerId, api, keys };
}

describe("managing many clients", () => {
  it("applies a template to 3 clients and a policy to 20, with progress and no drift left, and exports 3 into one zip", async () => {
    const { email, providerId, api, keys } = await providerWithClients();
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(page, email, password);

    await page.goto(`/#/providers/${providerId}/templates`);
    await heading(page, "Client templates");
    await page.getByLabel("Template name").fill("Clinic");
    await page.getByRole("button", { name: "Add collection" }).click();
    await page.getByLabel("Collection name 1").fill("Patients");
    await page.getByRole("button", { name: "Save template" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Clinic", exact: true }).count(), { timeout: 30_000 }).toBe(1);

    await page.goto(`/#/providers/${providerId}/bulk`);
    await heading(page, "Bulk actions");
    await page.getByLabel("Name contains").fill("Clinic");
    await page.getByLabel("Action").selectOption({ label: "Apply a template" });
    await page.getByLabel("Template", { exact: true }).selectOption({ label: "Clinic" });
    await page.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 120_000 }).toContain("Finished: 3 done, 0 failed.");

    // Drift is computed in the browser: the client's names under its org key against the template's under the provider key.
    await page.goto(`/#/providers/${providerId}/templates`);
    await heading(page, "Client templates");
    await page.getByRole("button", { name: "Check a client against Clinic" }).click();
    await page.getByLabel("Find a client").fill("Clinic 2");
    await expect.poll(() => page.getByLabel("Client", { exact: true }).locator("option").count(), { timeout: 30_000 }).toBe(2);
    await page.getByLabel("Client", { exact: true }).selectOption({ label: "Clinic 2" });
    await expect.poll(() => page.getByText("No drift: this client matches the template.").count(), { timeout: 30_000 }).toBe(1);

    // Editing the template: its names come back decrypted, a second collection is added and saved re-encrypted.
    await page.getByRole("button", { name: "More actions for Clinic" }).click();
    await page.getByRole("menuitem", { name: "Edit Clinic" }).click();
    const editor = page.getByRole("dialog", { name: "Edit template" });
    await expect.poll(() => editor.getByLabel("Collection name 1").inputValue(), { timeout: 30_000 }).toBe("Patients");
    await editor.getByRole("button", { name: "Add collection" }).click();
    await editor.getByLabel("Collection name 2").fill("Billing");
    await editor.getByRole("button", { name: "Save template" }).click();
    await expect.poll(() => page.getByRole("cell", { name: /^2 collections/ }).count(), { timeout: 30_000 }).toBe(1);

    // The audit roll-up holds the clients' events the template made; billing opens on this month.
    await page.goto(`/#/providers/${providerId}/audit`);
    await heading(page, "Audit roll-up");
    await expect.poll(() => page.getByRole("cell", { name: /^Created collection/ }).count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await page.goto(`/#/providers/${providerId}/billing`);
    await heading(page, "Billing");
    await expect.poll(() => page.getByRole("heading", { name: "No usage recorded for this month" }).count(), { timeout: 30_000 }).toBe(1);

    await page.goto(`/#/providers/${providerId}/bulk`);
    await heading(page, "Bulk actions");
    await page.getByLabel("Name contains").fill("Bulk");
    await page.getByLabel("Policy").selectOption({ label: "Master password requirements" });
    await page.getByLabel("Minimum length").fill("12");
    await page.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 120_000 }).toContain("Finished: 20 done, 0 failed.");
    expect(await page.getByRole("progressbar", { name: "Progress" }).getAttribute("value")).toBe("20");

    const bulk = await api.get<{ data: { organizationId: string }[] }>(`/api/providers/${providerId}/organizations?search=Bulk&pageSize=50`);
    expect(bulk.data).toHaveLength(20);
    const policy = await api.get<{ enabled: boolean; data: { minLength: number } }>(`/api/organizations/${bulk.data[19]!.organizationId}/policies/1`);
    expect(policy).toMatchObject({ enabled: true, data: { minLength: 12 } });

    // One item per Clinic client, encrypted under its org key; the export archive must carry it, still encrypted.
    const clinics = await api.get<{ data: { organizationId: string; organizationName: string }[] }>(`/api/providers/${providerId}/organizations?search=Clinic`);
    for (const c of clinics.data) {
      const key = keys.get(c.organizationName)!;
      const collections = await api.get<{ data: { id: string }[] }>(`/api/organizations/${c.organizationId}/collections`);
      await api.post("/api/ciphers/create", {
        cipher: { type: 2, organizationId: c.organizationId, name: await encrypt(`${c.organizationName} safe code`, key), reprompt: 0, secureNote: { type: 0 } },
        collectionIds: [collections.data[0]!.id],
      });
    }
    await page.goto(`/#/providers/${providerId}/bulk`);
    await heading(page, "Bulk actions");
    await page.getByLabel("Name contains").fill("Clinic");
    await page.getByLabel("Action").selectOption({ label: "Export (encrypted)" });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Start" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^clients-export-.+\.zip$/);
    const files = unzipSync(readFileSync((await download.path())!));
    const clientFiles = Object.keys(files).filter((f) => f !== "manifest.json");
    expect(clientFiles).toHaveLength(3);
    for (const c of clinics.data) {
      const name = clientFiles.find((f) => f.endsWith(`-${c.organizationId}.json`))!;
      expect(name).toBe(`${c.organizationName}-${c.organizationId}.json`);
      const file = JSON.parse(strFromU8(files[name]!)) as { encrypted: boolean; encKeyValidation_DO_NOT_EDIT: string; items: { name: string }[] };
      expect(file.encrypted).toBe(true);
      const key = keys.get(c.organizationName)!;
      await decryptToString(file.encKeyValidation_DO_NOT_EDIT, key);
      expect(await Promise.all(file.items.map((i) => decryptToString(i.name, key)))).toEqual([`${c.organizationName} safe code`]);
    }
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { counts: { clients: number; succeeded: number; items: number } };
    expect(manifest.counts).toMatchObject({ clients: 3, succeeded: 3, items: 3 });
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 30_000 }).toContain("Finished: 3 done, 0 failed.");
  }, 480_000);
});
