/**
 * Opt-in: the Provider Portal's fetchers against a running server, from the admin's "create provider" to a confirmed
 * technician holding the provider key. Needs the server's admin token and its data directory (the mailed links):
 * CUSTODIAN_URL=http://127.0.0.1:8094 CUSTODIAN_ADMIN_TOKEN=admintoken CUSTODIAN_DATA=/tmp/portal-data npm test
 */
import { describe, expect, it } from "vitest";
import { rsaDecrypt } from "../lib/crypto/rsa";
import { orgKey, refreshProfile } from "../lib/profile";
import { liveBase, liveData, liveMailLink as mailLink, logInLive as logIn, registerLive as register, withLiveServer } from "./live-server.test-support";
import { keyStore } from "../lib/session";
import { createAdminProvider } from "../features/admin/api/admin-api";
import { setAdminToken } from "../features/admin/api/admin-token";
import { acceptProviderInvite, setupProvider } from "../features/providers/api/provider-api";
import { createClient, listClients, unlinkClient, updateClient } from "../features/providers/api/provider-clients-api";
import { confirmProviderUser, fetchPendingConfirmations, inviteProviderUsers, listProviderUsers } from "../features/providers/api/provider-users-api";

const adminTokenValue = process.env.CUSTODIAN_ADMIN_TOKEN ?? "";

describe.skipIf(!liveBase || !adminTokenValue || !liveData)("provider flow against a running Custodian", () => {
  it("creates, sets up, adds a client, invites, accepts and confirms", () => withLiveServer(async () => {
    try {
      await flow();
    } finally {
      setAdminToken(null);
    }
  }), 60_000);
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
  await setupProvider(created.id, { name: "Live MSP", businessName: "", billingEmail: owner }, setup.get("token")!, profile.id);
  await refreshProfile();
  const pk = keyStore.providerKey(created.id)!;
  expect(pk).toBeTruthy();

  await createClient(created.id, pk, { name: "Client One", ownerEmail: "c1@example.com", planType: 19, seats: 5, collectionName: "Default collection" });
  await refreshProfile();
  const list = await listClients(created.id, { search: "one", sort: "name", after: null, pageSize: 50 });
  expect(list.data.map((c) => c.organizationName)).toEqual(["Client One"]);
  expect((await orgKey(list.data[0]!.organizationId))?.encKey.length).toBe(32);
  await updateClient(created.id, list.data[0]!.id, "Client One Renamed", 7);
  expect((await listClients(created.id, { search: "", sort: "-created", after: null, pageSize: 1 })).data[0]).toMatchObject({ organizationName: "Client One Renamed", seats: 7 });
  // Pages follow the server's continuationToken (a keyset position), as the Clients page does.
  await createClient(created.id, pk, { name: "Client Zero", ownerEmail: "c0@example.com", planType: 19, seats: 5, collectionName: "Default collection" });
  const first = await listClients(created.id, { search: "", sort: "name", after: null, pageSize: 1 });
  const second = await listClients(created.id, { search: "", sort: "name", after: first.continuationToken, pageSize: 1 });
  expect([...first.data, ...second.data].map((c) => c.organizationName)).toEqual(["Client One Renamed", "Client Zero"]);
  expect(second.continuationToken).toBeNull();

  await inviteProviderUsers(created.id, [tech], 1);
  const invite = mailLink(tech, "accept-provider?");
  await logIn(tech);
  await acceptProviderInvite(created.id, invite.get("providerUserId")!, invite.get("token")!);
  await logIn(owner);
  const pending = await fetchPendingConfirmations(created.id, [invite.get("providerUserId")!]);
  expect(pending[0]!.phrase.split("-").length).toBe(5);
  await confirmProviderUser(created.id, keyStore.providerKey(created.id)!, pending[0]!);
  expect((await listProviderUsers(created.id)).find((u) => u.email === tech)?.status).toBe(2);
  const techProfile = await logIn(tech);
  expect((await rsaDecrypt(techProfile.providers[0]!.key!, keyStore.privateKey!)).length).toBe(64);
  expect(keyStore.providerKey(created.id)).toBeTruthy();

  await logIn(owner);
  await expect(unlinkClient(created.id, list.data[0]!.id)).rejects.toThrow(/owner/);
}
