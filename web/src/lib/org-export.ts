import type { CipherWire } from "./ciphers/cipher-types";
import { encrypt } from "./crypto/enc-string";
import type { SymmetricKey } from "./crypto/symmetric-key";
import { apiClient } from "./session";

/** GET /api/organizations/{id}/export: the org's collections and items as the server holds them (encrypted). */
export interface OrgExport {
  collections: { id: string; organizationId: string; name: string; externalId: string | null }[];
  ciphers: CipherWire[];
}

export const fetchExport = (orgId: string) => apiClient.get<OrgExport>(`/api/organizations/${orgId}/export`);

/**
 * Bitwarden's encrypted org export (the items as the server holds them, and a check value under the org key that an
 * importer decrypts first), with its counts: the Admin Console's export and the provider's bulk export both write it.
 */
export async function encryptedOrgExport(orgId: string, orgKey: SymmetricKey): Promise<{ text: string; items: number; collections: number }> {
  const data = await fetchExport(orgId);
  const items = data.ciphers.filter((c) => !c.deletedDate);
  const text = JSON.stringify({
    encrypted: true, encKeyValidation_DO_NOT_EDIT: await encrypt(crypto.randomUUID(), orgKey),
    collections: data.collections.map((c) => ({ id: c.id, organizationId: c.organizationId, name: c.name, externalId: c.externalId })),
    items,
  }, null, 2);
  return { text, items: items.length, collections: data.collections.length };
}
