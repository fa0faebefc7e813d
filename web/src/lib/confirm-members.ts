import { apiClient } from "./session";
import { fromBase64, type Bytes } from "./crypto/bytes";
import { fingerprintPhrase } from "./crypto/fingerprint";
import { rsaEncrypt } from "./crypto/rsa";
import { symmetricKeyToBytes, type SymmetricKey } from "./crypto/symmetric-key";

/**
 * Confirming a member is the same protocol for an organization (`/api/organizations/{id}/users`, the org key) and
 * a provider (`/api/providers/{id}/users`, the provider key): fetch the accepted users' public keys, show the
 * fingerprint phrase of each, then wrap the key to it. `usersUrl` is that member list's URL.
 */
export interface ConfirmCandidate {
  id: string;
  userId: string;
  publicKey: Bytes;
  /** The fingerprint phrase an admin compares with the one the user sees in their own account settings. */
  phrase: string;
}

/** Per-row answer of a bulk call; an empty error means it worked. */
export interface BulkResult {
  id: string;
  error: string;
}

interface PublicKeyRow {
  id: string;
  userId: string;
  key: string | null;
}

/** The server returns keys of Accepted users only; a user missing from the answer cannot be confirmed. */
export async function confirmCandidates(usersUrl: string, ids: string[]): Promise<ConfirmCandidate[]> {
  const rows = (await apiClient.post<{ data: PublicKeyRow[] }>(`${usersUrl}/public-keys`, { ids })).data;
  return Promise.all(rows.filter((r) => r.key).map(async (r) => {
    const publicKey = fromBase64(r.key!);
    return { id: r.id, userId: r.userId, publicKey, phrase: await fingerprintPhrase(r.userId, publicKey) };
  }));
}

/** One user: the server answers an error message when they cannot be confirmed. */
export async function confirmOne(usersUrl: string, key: SymmetricKey, candidate: ConfirmCandidate): Promise<void> {
  await apiClient.post(`${usersUrl}/${candidate.id}/confirm`, { key: await rsaEncrypt(symmetricKeyToBytes(key), candidate.publicKey) });
}

/** The key RSA-wrapped to each user's public key, then one bulk confirm with per-user results. */
export async function confirmMany(usersUrl: string, key: SymmetricKey, candidates: ConfirmCandidate[]): Promise<BulkResult[]> {
  const raw = symmetricKeyToBytes(key);
  const keys = await Promise.all(candidates.map(async (c) => ({ id: c.id, key: await rsaEncrypt(raw, c.publicKey) })));
  return (await apiClient.post<{ data: BulkResult[] }>(`${usersUrl}/confirm`, { keys })).data;
}
