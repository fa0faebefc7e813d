import { confirmCandidates as candidatesOf, confirmMany, confirmOne, type ConfirmCandidate } from "../../../lib/confirm-members";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { BulkResult, ListResponse, Member, MemberAccess } from "./org-types";

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

export type { ConfirmCandidate };

export const confirmCandidates = (orgId: string, ids: string[]) => candidatesOf(users(orgId), ids);
export const confirmMember = (orgId: string, key: SymmetricKey, c: ConfirmCandidate) => confirmOne(users(orgId), key, c);
export const confirmMembers = (orgId: string, key: SymmetricKey, cs: ConfirmCandidate[]) => confirmMany(users(orgId), key, cs);
