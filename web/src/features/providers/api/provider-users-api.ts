import { fromBase64 } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { BulkResult, ListResponse, ProviderUserDetails, ProviderUserPublicKey } from "./provider-types";

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

/** An accepted user waiting for the provider key, with the phrase an admin compares with the user's own. */
export interface PendingConfirmation {
  id: string;
  userId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  fingerprint: string;
}

/** The server returns keys of Accepted users only; a user missing from the answer cannot be confirmed. */
export async function fetchPendingConfirmations(providerId: string, ids: string[]): Promise<PendingConfirmation[]> {
  const keys = (await apiClient.post<ListResponse<ProviderUserPublicKey>>(`${base(providerId)}/public-keys`, { ids })).data;
  return Promise.all(
    keys.filter((k) => k.key).map(async (k) => {
      const publicKey = fromBase64(k.key!);
      return { id: k.id, userId: k.userId, publicKey, fingerprint: await fingerprintPhrase(k.userId, publicKey) };
    }),
  );
}

/** The provider key RSA-wrapped to each user's public key, then one bulk confirm with per-user results. */
export async function confirmProviderUsers(providerId: string, providerKey: SymmetricKey, users: PendingConfirmation[]): Promise<BulkResult[]> {
  const raw = symmetricKeyToBytes(providerKey);
  const keys = await Promise.all(users.map(async (u) => ({ id: u.id, key: await rsaEncrypt(raw, u.publicKey) })));
  return (await apiClient.post<ListResponse<BulkResult>>(`${base(providerId)}/confirm`, { keys })).data;
}

/** One user: the server answers an error message when the user cannot be confirmed. */
export async function confirmProviderUser(providerId: string, providerKey: SymmetricKey, user: PendingConfirmation): Promise<void> {
  const key = await rsaEncrypt(symmetricKeyToBytes(providerKey), user.publicKey);
  await apiClient.post(`${base(providerId)}/${user.id}/confirm`, { key });
}
