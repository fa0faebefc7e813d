import { encryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import type { ParsedImport } from "./import-parse";

/** Items per request: small enough for a progress bar to move, far below the server's 7,000. */
export const importBatchSize = 200;

interface CollectionRow { id: string; name: string }

async function collectionIdsByName(orgId: string, orgKey: SymmetricKey): Promise<Map<string, string>> {
  const list = await apiClient.get<{ data: CollectionRow[] }>(`/api/organizations/${orgId}/collections`);
  const byName = new Map<string, string>();
  for (const c of list.data) byName.set(await decryptToString(c.name, orgKey).catch(() => ""), c.id);
  return byName;
}

function post(orgId: string, body: unknown): Promise<void> {
  return apiClient.post(`/api/ciphers/import-organization?organizationId=${orgId}`, body);
}

/**
 * Imports into an org in batches. Collections the org lacks are created first (one request without items), so
 * every batch can point at existing collections by id instead of making the same name twice.
 */
export async function importIntoOrganization(orgId: string, orgKey: SymmetricKey, userId: string, parsed: ParsedImport,
  onProgress: (done: number, total: number) => void): Promise<{ items: number; collections: number }> {
  const wanted = [...new Set(parsed.items.flatMap((i) => i.collections))];
  let ids = await collectionIdsByName(orgId, orgKey);
  const missing = wanted.filter((n) => !ids.has(n));
  if (missing.length > 0) {
    await post(orgId, { ciphers: [], collections: await Promise.all(missing.map(async (name) => ({ name: await encrypt(name, orgKey) }))), collectionRelationships: [] });
    ids = await collectionIdsByName(orgId, orgKey);
  }
  onProgress(0, parsed.items.length);
  for (let start = 0; start < parsed.items.length; start += importBatchSize) {
    const batch = parsed.items.slice(start, start + importBatchSize);
    const names = [...new Set(batch.flatMap((i) => i.collections))];
    const ciphers = await Promise.all(batch.map((i) => encryptCipher({ ...i.cipher, organizationId: orgId }, orgKey, userId)));
    await post(orgId, {
      ciphers,
      collections: await Promise.all(names.map(async (name) => ({ id: ids.get(name)!, name: await encrypt(name, orgKey) }))),
      collectionRelationships: batch.flatMap((item, key) => item.collections.map((n) => ({ key, value: names.indexOf(n) }))),
    });
    onProgress(Math.min(start + batch.length, parsed.items.length), parsed.items.length);
  }
  return { items: parsed.items.length, collections: wanted.length };
}
