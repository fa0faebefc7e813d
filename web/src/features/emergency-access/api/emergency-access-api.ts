import { decryptCipher } from "../../../lib/ciphers/cipher-crypto";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import type { CipherWire } from "../../../lib/ciphers/cipher-types";
import { fromBase64 } from "../../../lib/crypto/bytes";
import { encrypt } from "../../../lib/crypto/enc-string";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { hashMasterPassword, makeMasterKey, stretchMasterKey, type KdfConfig } from "../../../lib/crypto/kdf";
import { rsaDecrypt, rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyFromBytes, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient, keyStore } from "../../../lib/session";
import { fetchDecrypted } from "../../vault/api/attachment-api";

/** /api/emergency-access as the official web vault calls it (EmergencyAccessApiService). */
export const Status = { Invited: 0, Accepted: 1, Confirmed: 2, RecoveryInitiated: 3, RecoveryApproved: 4 } as const;
export const AccessType = { View: 0, Takeover: 1 } as const;

export interface EmergencyContact {
  id: string;
  status: number;
  type: number;
  waitTimeDays: number;
  granteeId?: string | null;
  grantorId?: string;
  name: string | null;
  email: string | null;
}

const base = "/api/emergency-access";

export async function listTrusted(): Promise<EmergencyContact[]> {
  return (await apiClient.get<{ data: EmergencyContact[] }>(`${base}/trusted`)).data;
}

export async function listGranted(): Promise<EmergencyContact[]> {
  return (await apiClient.get<{ data: EmergencyContact[] }>(`${base}/granted`)).data;
}

export async function invite(email: string, type: number, waitTimeDays: number): Promise<void> {
  await apiClient.post(`${base}/invite`, { email, type, waitTimeDays });
}

export async function accept(id: string, token: string): Promise<void> {
  await apiClient.post(`${base}/${id}/accept`, { token });
}

/** A step without a body: reinvite, initiate, approve, reject. */
export async function step(id: string, name: "reinvite" | "initiate" | "approve" | "reject"): Promise<void> {
  await apiClient.post(`${base}/${id}/${name}`);
}

export async function remove(id: string): Promise<void> {
  await apiClient.request(`${base}/${id}`, { method: "DELETE" });
}

/** The grantee's public key and its fingerprint phrase, which the grantor compares with the grantee's before confirming. */
export async function granteeKey(granteeId: string): Promise<{ publicKey: Uint8Array<ArrayBuffer>; phrase: string }> {
  const { publicKey } = await apiClient.get<{ publicKey: string | null }>(`/api/users/${granteeId}/public-key`);
  if (!publicKey) throw new Error("This contact has no key pair yet.");
  const key = fromBase64(publicKey);
  return { publicKey: key, phrase: await fingerprintPhrase(granteeId, key) };
}

/** Confirms the contact: the grantor's user key, RSA-wrapped to the grantee's public key, never seen by the server. */
export async function confirm(id: string, publicKey: Uint8Array<ArrayBuffer>): Promise<void> {
  await apiClient.post(`${base}/${id}/confirm`, { key: await rsaEncrypt(symmetricKeyToBytes(keyStore.userKey), publicKey) });
}

/** Opens the grantor's user key with the grantee's own private key. */
async function grantorKey(keyEncrypted: string): Promise<SymmetricKey> {
  const privateKey = keyStore.privateKey;
  if (!privateKey) throw new Error("Your account has no key pair yet.");
  return symmetricKeyFromBytes(await rsaDecrypt(keyEncrypted, privateKey));
}

export interface GrantorVault { ciphers: CipherView[]; key: SymmetricKey }

/** The grantor's items, decrypted here in the browser with the grantor's user key (kept for their files). */
export async function viewVault(id: string): Promise<GrantorVault> {
  const view = await apiClient.post<{ keyEncrypted: string; ciphers: CipherWire[] }>(`${base}/${id}/view`);
  const key = await grantorKey(view.keyEncrypted);
  return { ciphers: await Promise.all(view.ciphers.map((c) => decryptCipher(c, key))), key };
}

/** One of the grantor's files: a fresh link from the emergency-access route, decrypted with the file's, item's or grantor's key. */
export function downloadGrantorFile(id: string, vault: GrantorVault, cipher: CipherView, attachment: AttachmentView): Promise<Blob> {
  return fetchDecrypted(`${base}/${id}/${cipher.id}/attachment/${attachment.id}`, attachment.key ?? cipher.itemKey ?? vault.key);
}

interface Takeover { keyEncrypted: string; kdf: number; kdfIterations: number; kdfMemory: number | null; kdfParallelism: number | null; salt: string }

/** Sets the grantor's new master password: derived with the grantor's KDF and salt, the same user key rewrapped. */
export async function takeOver(id: string, newPassword: string): Promise<void> {
  const t = await apiClient.post<Takeover>(`${base}/${id}/takeover`);
  const userKey = await grantorKey(t.keyEncrypted);
  const kdf: KdfConfig = t.kdf === 1
    ? { type: 1, iterations: t.kdfIterations, memory: t.kdfMemory ?? 64, parallelism: t.kdfParallelism ?? 4 }
    : { type: 0, iterations: t.kdfIterations };
  const masterKey = await makeMasterKey(newPassword, t.salt, kdf);
  await apiClient.post(`${base}/${id}/password`, {
    newMasterPasswordHash: await hashMasterPassword(masterKey, newPassword),
    key: await encrypt(symmetricKeyToBytes(userKey), await stretchMasterKey(masterKey)),
  });
}
