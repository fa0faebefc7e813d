import { confirmCandidates, confirmMany, confirmOne, type ConfirmCandidate } from "../../../lib/confirm-members";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { BulkResult, ListResponse, ProviderUserDetails } from "./provider-types";

const base = (providerId: string) => `/api/providers/${providerId}/users`;

export async function listProviderUsers(providerId: string): Promise<ProviderUserDetails[]> {
  return (await apiClient.get<ListResponse<ProviderUserDetails>>(base(providerId))).data;
}

export async function inviteProviderUsers(providerId: string, emails: string[], type: number): Promise<void> {
  await apiClient.post(`${base(providerId)}/invite`, { emails, type });
}

export async function reinviteProviderUsers(providerId: string, ids: string[]): Promise<BulkResult[]> {
  return (await apiClient.post<ListResponse<BulkResult>>(`${base(providerId)}/reinvite`, { ids })).data;
}

export async function updateProviderUserType(providerId: string, id: string, type: number): Promise<void> {
  await apiClient.request(`${base(providerId)}/${id}`, { method: "PUT", json: { type } });
}

export async function removeProviderUsers(providerId: string, ids: string[]): Promise<BulkResult[]> {
  return (await apiClient.request<ListResponse<BulkResult>>(base(providerId), { method: "DELETE", json: { ids } })).data;
}

export type PendingConfirmation = ConfirmCandidate;

export const fetchPendingConfirmations = (providerId: string, ids: string[]) => confirmCandidates(base(providerId), ids);
export const confirmProviderUsers = (providerId: string, providerKey: SymmetricKey, users: PendingConfirmation[]) =>
  confirmMany(base(providerId), providerKey, users);
export const confirmProviderUser = (providerId: string, providerKey: SymmetricKey, user: PendingConfirmation) =>
  confirmOne(base(providerId), providerKey, user);
