import { fromBase64 } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { BulkResult, ListResponse, Member, MemberAccess, MemberPublicKey } from "./org-types";

const users = (orgId: string) => `/api/organizations/${orgId}/users`;

export async function listMembers(orgId: string): Promise<Member[]> {
  const list = await apiClient.get<ListResponse<Member>>(`${users(orgId)}?includeCollections=true&includeGroups=true`);
  return list.data;
}

export async function inviteMembers(orgId: string, emails: string[], access: MemberAccess): Promise<void> {
  await apiClient.post(`${users(orgId)}/invite`, { emails, ...access, accessSecretsManager: false });
}

export async function updateMember(orgId: string, id: string, access: MemberAccess): Promise<void> {
  await apiClient.request(`${users(orgId)}/${id}`, { method: "PUT", json: { ...access, accessSecretsManager: false } });
}

/** The bulk actions on members; each answers per-row results. */
export type BulkAction = "reinvite" | "revoke" | "restore" | "remove";

export async function bulkMembers(orgId: string, action: BulkAction, ids: string[]): Promise<BulkResult[]> {
  const init = action === "reinvite" ? { method: "POST", path: "/reinvite" }
    : action === "remove" ? { method: "DELETE", path: "" }
    : { method: "PUT", path: `/${action}` };
  const list = await apiClient.request<ListResponse<BulkResult>>(users(orgId) + init.path, { method: init.method, json: { ids } });
  return list.data;
}

/** One member: the server answers an error message when the action is refused. */
export async function singleMember(orgId: string, action: BulkAction, id: string): Promise<void> {
  const method = action === "reinvite" ? "POST" : action === "remove" ? "DELETE" : "PUT";
  await apiClient.request(`${users(orgId)}/${id}${action === "remove" ? "" : `/${action}`}`, { method });
}

/** An Accepted member awaiting the org key, with the fingerprint phrase of the public key the server handed out. */
export interface ConfirmCandidate {
  id: string;
  userId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  phrase: string;
}

export async function confirmCandidates(orgId: string, ids: string[]): Promise<ConfirmCandidate[]> {
  const list = await apiClient.post<ListResponse<MemberPublicKey>>(`${users(orgId)}/public-keys`, { ids });
  const out: ConfirmCandidate[] = [];
  for (const row of list.data) {
    if (!row.key) continue;
    const publicKey = fromBase64(row.key);
    out.push({ id: row.id, userId: row.userId, publicKey, phrase: await fingerprintPhrase(row.userId, publicKey) });
  }
  return out;
}

/** The org key's bytes RSA-wrapped to a member's public key: what a confirmed member unwraps from the profile. */
const wrapOrgKey = (key: SymmetricKey, candidate: ConfirmCandidate) => rsaEncrypt(symmetricKeyToBytes(key), candidate.publicKey);

export async function confirmMember(orgId: string, key: SymmetricKey, candidate: ConfirmCandidate): Promise<void> {
  await apiClient.post(`${users(orgId)}/${candidate.id}/confirm`, { key: await wrapOrgKey(key, candidate) });
}

export async function confirmMembers(orgId: string, key: SymmetricKey, candidates: ConfirmCandidate[]): Promise<BulkResult[]> {
  const keys = await Promise.all(candidates.map(async (c) => ({ id: c.id, key: await wrapOrgKey(key, c) })));
  return (await apiClient.post<ListResponse<BulkResult>>(`${users(orgId)}/confirm`, { keys })).data;
}
