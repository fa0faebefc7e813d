/**
 * Opt-in: the Admin Console's fetchers against a running server, from a new org to a confirmed member holding its
 * key, with collections, groups, policies and settings. Needs the server's data directory (the mailed links):
 * CUSTODIAN_URL=http://127.0.0.1:8095 CUSTODIAN_DATA=/tmp/console2-data npx vitest run src/app/admin-console-live.test.ts
 */
import { describe, expect, it } from "vitest";
import { constantTimeEqual, fromBase64 } from "../lib/crypto/bytes";
import { encrypt } from "../lib/crypto/enc-string";
import { rsaDecrypt, rsaEncrypt } from "../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../lib/crypto/symmetric-key";
import { refreshProfile } from "../lib/profile";
import { apiClient, keyStore } from "../lib/session";
import { listCollections, saveCollection } from "../features/organizations/api/collections-api";
import { listGroups, saveGroup } from "../features/organizations/api/groups-api";
import { bulkMembers, confirmCandidates, confirmMember, inviteMembers, listMembers, updateMember } from "../features/organizations/api/members-api";
import { deleteOrganization, getOrganization, listPolicies, savePolicy, updateOrganization } from "../features/organizations/api/organization-api";
import { liveBase, liveData, liveMailLink as mailLink, livePassword as password, logInLive as logIn, registerLive as register, withLiveServer } from "./live-server.test-support";

describe.skipIf(!liveBase || !liveData)("admin console against a running Custodian", () => {
  it("creates collections and a group, invites, confirms, revokes, sets policies and settings, deletes", () => withLiveServer(flow), 90_000);
});

async function flow() {
  const owner = `owner-${crypto.randomUUID()}@example.com`;
  const member = `member-${crypto.randomUUID()}@example.com`;
  const ownerKeys = await register(owner);
  await register(member);
  await logIn(owner);
  const key = makeUserKey();
  await apiClient.post("/api/organizations", {
    name: "Live Org", billingEmail: owner, planType: 20, key: await rsaEncrypt(symmetricKeyToBytes(key), fromBase64(ownerKeys.publicKey)),
    collectionName: await encrypt("Default collection", key),
  });
  const orgId = (await refreshProfile()).organizations[0]!.id;

  await saveCollection(orgId, null, { name: "Finance", groups: [], users: [] });
  const collections = await listCollections(orgId);
  expect(collections.map((c) => c.name)).toEqual(["Default collection", "Finance"]);
  const finance = collections[1]!;
  await saveGroup(orgId, null, { name: "Support", collections: [{ id: finance.id, readOnly: true, hidePasswords: false, manage: false }], users: [] });
  const group = (await listGroups(orgId))[0]!;
  expect(group.collections.map((c) => c.id)).toEqual([finance.id]);

  await inviteMembers(orgId, [member], { type: 2, permissions: {}, collections: [{ id: finance.id, readOnly: false, hidePasswords: true, manage: false }], groups: [group.id] });
  const invited = (await listMembers(orgId)).find((m) => m.email === member)!;
  expect(invited).toMatchObject({ status: 0, type: 2, groups: [group.id], collections: [{ id: finance.id, hidePasswords: true }] });

  const link = mailLink(member, "accept-organization?");
  await logIn(member);
  await apiClient.post(`/api/organizations/${orgId}/users/${link.get("organizationUserId")}/accept`, { token: link.get("token") });
  await logIn(owner);
  const [candidate] = await confirmCandidates(orgId, [invited.id]);
  expect(candidate!.phrase.split("-").length).toBe(5);
  await confirmMember(orgId, keyStore.orgKey(orgId)!, candidate!);
  expect((await listMembers(orgId)).find((m) => m.email === member)?.status).toBe(2);
  const memberProfile = await logIn(member);
  const wrapped = memberProfile.organizations.find((o) => o.id === orgId)!.key!;
  expect(constantTimeEqual(await rsaDecrypt(wrapped, keyStore.privateKey!), symmetricKeyToBytes(key))).toBe(true);

  await logIn(owner);
  expect(await bulkMembers(orgId, "revoke", [invited.id])).toEqual([expect.objectContaining({ id: invited.id, error: "" })]);
  expect((await listMembers(orgId)).find((m) => m.email === member)?.status).toBe(-1);
  await bulkMembers(orgId, "restore", [invited.id]);
  await updateMember(orgId, invited.id, { type: 4, permissions: { manageGroups: true }, collections: [], groups: [] });
  expect((await listMembers(orgId)).find((m) => m.email === member)).toMatchObject({ type: 4, permissions: { manageGroups: true } });

  await expect(savePolicy(orgId, 9, true, { minutes: 60, action: "lock" })).rejects.toThrow(/Single organization/);
  await savePolicy(orgId, 1, true, { minLength: 14, requireUpper: true });
  expect((await listPolicies(orgId)).find((p) => p.type === 1)).toMatchObject({ enabled: true, data: { minLength: 14, requireUpper: true } });

  await updateOrganization(orgId, { name: "Live Org Renamed", billingEmail: "billing@example.com", businessName: null });
  expect(await getOrganization(orgId)).toMatchObject({ name: "Live Org Renamed", billingEmail: "billing@example.com" });
  await expect(deleteOrganization(orgId, "wrong password")).rejects.toThrow();
  await deleteOrganization(orgId, password);
  expect((await refreshProfile()).organizations).toEqual([]);
}
