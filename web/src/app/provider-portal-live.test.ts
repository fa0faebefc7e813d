/**
 * Opt-in: the Provider Portal's fetchers against a running server, from the admin's "create provider" to a confirmed
 * technician holding the provider key. Needs the server's admin token and its data directory (the mailed links):
 * CUSTODIAN_URL=http://127.0.0.1:8094 CUSTODIAN_ADMIN_TOKEN=admintoken CUSTODIAN_DATA=/tmp/portal-data npm test
 */
import { readdirSync, readFileSync } from "node:fs";
import { http, passthrough } from "msw";
import { describe, expect, it } from "vitest";
import { ApiClient } from "../lib/api-client";
import { makeRegistrationMaterial } from "../lib/crypto/account-keys";
import { rsaDecrypt } from "../lib/crypto/rsa";
import { orgKey, refreshProfile } from "../lib/profile";
import { keyStore, logOut, startSession } from "../lib/session";
import { server } from "../test/msw-server";
import { loginWithPassword } from "../features/auth/api/login-with-password";
import { createAdminProvider } from "../features/admin/api/admin-api";
import { setAdminToken } from "../features/admin/api/admin-token";
import { acceptProviderInvite, setupProvider } from "../features/providers/api/provider-api";
import { createClient, listClients, unlinkClient, updateClient } from "../features/providers/api/provider-clients-api";
import { confirmProviderUser, fetchPendingConfirmations, inviteProviderUsers, listProviderUsers } from "../features/providers/api/provider-users-api";

const base = process.env.CUSTODIAN_URL ?? "";
const adminTokenValue = process.env.CUSTODIAN_ADMIN_TOKEN ?? "";
const dataDir = process.env.CUSTODIAN_DATA ?? "";
const direct = new ApiClient({ baseUrl: base });

async function register(email: string) {
  const kdf = { type: 0, iterations: 600000 } as const;
  const m = await makeRegistrationMaterial("correct horse", email, kdf);
  await direct.post("/identity/accounts/register", {
    email, masterPasswordHash: m.masterPasswordHash, key: m.key,
    keys: { publicKey: m.publicKey, encryptedPrivateKey: m.encryptedPrivateKey }, kdf: 0, kdfIterations: 600000, kdfMemory: null, kdfParallelism: null,
  });
}
async function logIn(email: string) {
  logOut();
  const r = await loginWithPassword(direct, email, "correct horse");
  keyStore.unlock(r.keys);
  startSession(r.accessToken, r.refreshToken, r.account);
  return refreshProfile();
}
function mailLink(to: string, marker: string): URLSearchParams {
  const dir = `${dataDir}/outbox`;
  for (const f of readdirSync(dir)) {
    const text = readFileSync(`${dir}/${f}`, "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    if (text.includes(to) && text.includes(marker)) return new URLSearchParams(text.slice(text.indexOf(marker) + marker.length).split(/\s/)[0]);
  }
  throw new Error(`No mail to ${to} with ${marker}`);
}

describe.skipIf(!base || !adminTokenValue || !dataDir)("provider flow against a running Custodian", () => {
  it("creates, sets up, adds a client, invites, accepts and confirms", async () => {
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      realFetch(typeof input === "string" && input.startsWith("/") ? base + input : input, init)) as typeof fetch;
    server.use(http.all("*", () => passthrough()));
    try {
      await flow();
    } finally {
      globalThis.fetch = realFetch;
      logOut();
      setAdminToken(null);
    }
  }, 60_000);
});

async function flow() {
  const owner = `owner-${crypto.randomUUID()}@example.com`;
  const tech = `tech-${crypto.randomUUID()}@example.com`;
  await register(owner);
  await register(tech);
  setAdminToken(adminTokenValue);
  const created = await createAdminProvider({ name: "Live MSP", type: 0, ownerEmail: owner });
  const setup = mailLink(owner, "setup-provider?");
  expect(setup.get("providerId")).toBe(created.id);

  const profile = await logIn(owner);
  await setupProvider(created.id, { name: "Live MSP", businessName: "", billingEmail: owner }, setup.get("token")!, profile.id, keyStore.privateKey!);
  await refreshProfile();
  const pk = keyStore.providerKey(created.id)!;
  expect(pk).toBeTruthy();

  await createClient(created.id, pk, { name: "Client One", ownerEmail: "c1@example.com", planType: 19, seats: 5, collectionName: "Default collection" });
  await refreshProfile();
  const list = await listClients(created.id, { search: "one", sort: "name", page: 1, pageSize: 50 });
  expect(list.data.map((c) => c.organizationName)).toEqual(["Client One"]);
  expect((await orgKey(list.data[0]!.organizationId))?.encKey.length).toBe(32);
  await updateClient(created.id, list.data[0]!.id, "Client One Renamed", 7);
  expect((await listClients(created.id, { search: "", sort: "-created", page: 1, pageSize: 1 })).data[0]).toMatchObject({ organizationName: "Client One Renamed", seats: 7 });

  await inviteProviderUsers(created.id, [tech], 1);
  const invite = mailLink(tech, "accept-provider?");
  await logIn(tech);
  await acceptProviderInvite(created.id, invite.get("providerUserId")!, invite.get("token")!);
  await logIn(owner);
  const pending = await fetchPendingConfirmations(created.id, [invite.get("providerUserId")!]);
  expect(pending[0]!.fingerprint.split("-").length).toBe(5);
  await confirmProviderUser(created.id, keyStore.providerKey(created.id)!, pending[0]!);
  expect((await listProviderUsers(created.id)).find((u) => u.email === tech)?.status).toBe(2);
  const techProfile = await logIn(tech);
  expect((await rsaDecrypt(techProfile.providers[0]!.key!, keyStore.privateKey!)).length).toBe(64);
  expect(keyStore.providerKey(created.id)).toBeTruthy();

  await logIn(owner);
  await expect(unlinkClient(created.id, list.data[0]!.id)).rejects.toThrow(/owner/);
}
