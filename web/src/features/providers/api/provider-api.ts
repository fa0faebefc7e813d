import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { wrapToSelf } from "../../../lib/wrap-to-self";
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

/** The owner's first setup: a new provider key, wrapped to the owner's own public key (checked, see wrapToSelf). */
export async function setupProvider(providerId: string, fields: ProviderFields, token: string, userId: string): Promise<ProviderDetails> {
  const providerKey = symmetricKeyToBytes(makeUserKey());
  try {
    const key = await wrapToSelf(userId, providerKey);
    return await apiClient.post<ProviderDetails>(`/api/providers/${providerId}/setup`, { ...wireFields(fields), token, key });
  } finally {
    providerKey.fill(0);
  }
}

export async function acceptProviderInvite(providerId: string, providerUserId: string, token: string): Promise<void> {
  await apiClient.post(`/api/providers/${providerId}/users/${providerUserId}/accept`, { token });
}
