import { constantTimeEqual, fromBase64 } from "../../../lib/crypto/bytes";
import { rsaDecrypt, rsaEncrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { ProviderDetails } from "./provider-types";

export function getProvider(providerId: string): Promise<ProviderDetails> {
  return apiClient.get<ProviderDetails>(`/api/providers/${providerId}`);
}

export interface ProviderFields {
  name: string;
  businessName: string;
  billingEmail: string;
}

function wireFields(f: ProviderFields) {
  return { name: f.name.trim(), businessName: f.businessName.trim() || null, billingEmail: f.billingEmail.trim() };
}

export function updateProvider(providerId: string, fields: ProviderFields): Promise<ProviderDetails> {
  return apiClient.request<ProviderDetails>(`/api/providers/${providerId}`, { method: "PUT", json: wireFields(fields) });
}

/**
 * The owner's first setup: a new provider key, RSA-wrapped to the owner's own public key. The wrapped key is opened
 * again with the private key before it is sent, so a public key the server swapped is caught here.
 */
export async function setupProvider(providerId: string, fields: ProviderFields, token: string, userId: string,
  privateKey: Uint8Array<ArrayBuffer>): Promise<ProviderDetails> {
  const { publicKey } = await apiClient.get<{ publicKey: string | null }>(`/api/users/${userId}/public-key`);
  if (!publicKey) throw new Error("Your account has no key pair yet.");
  const providerKey = symmetricKeyToBytes(makeUserKey());
  const key = await rsaEncrypt(providerKey, fromBase64(publicKey));
  const opened = await rsaDecrypt(key, privateKey).catch(() => null);
  if (!opened || !constantTimeEqual(opened, providerKey)) {
    throw new Error("The server's copy of your public key does not match your private key.");
  }
  providerKey.fill(0);
  return apiClient.post<ProviderDetails>(`/api/providers/${providerId}/setup`, { ...wireFields(fields), token, key });
}

export async function acceptProviderInvite(providerId: string, providerUserId: string, token: string): Promise<void> {
  await apiClient.post(`/api/providers/${providerId}/users/${providerUserId}/accept`, { token });
}
