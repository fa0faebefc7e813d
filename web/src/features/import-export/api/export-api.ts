import { decryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { CipherType, type CipherView, type CipherWire } from "../../../lib/ciphers/cipher-types";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { makeMasterKey } from "../../../lib/crypto/kdf";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { apiClient, type AccountState } from "../../../lib/session";
import { toOrgCsv } from "./org-csv";

export type ExportFormat = "json" | "csv" | "encrypted_json";

interface OrgExport {
  collections: { id: string; organizationId: string; name: string; externalId: string | null }[];
  ciphers: CipherWire[];
}

/** Exports leave the browser in the clear, so the master password is asked again and checked offline first. */
export async function verifyMasterPassword(account: AccountState, password: string): Promise<void> {
  const masterKey = await makeMasterKey(password, account.email, account.kdf);
  try {
    const key = await unlockUserKey(account.protectedUserKey, masterKey);
    key.encKey.fill(0);
    key.macKey.fill(0);
  } catch {
    throw new Error("Invalid master password.");
  } finally {
    masterKey.fill(0);
  }
}

function jsonItem(c: CipherView, raw: CipherWire) {
  return {
    id: raw.id, organizationId: raw.organizationId, folderId: null, type: c.type, reprompt: c.reprompt, name: c.name,
    notes: c.notes || null, favorite: false, fields: c.fields, collectionIds: raw.collectionIds,
    ...(c.type === CipherType.Login ? { login: { username: c.login.username || null, password: c.login.password || null,
      totp: c.login.totp || null, uris: c.login.uris } } : {}),
    ...(c.type === CipherType.SecureNote ? { secureNote: { type: 0 } } : {}),
    ...(c.type === CipherType.Card ? { card: c.card } : {}),
    ...(c.type === CipherType.Identity ? { identity: c.identity } : {}),
    ...(c.type === CipherType.SshKey ? { sshKey: c.sshKey } : {}),
  };
}

const fetchExport = (orgId: string) => apiClient.get<OrgExport>(`/api/organizations/${orgId}/export`);

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

/** The org's items and collections as Bitwarden's exports write them; the file's text. */
export async function exportOrganization(orgId: string, orgKey: SymmetricKey, format: ExportFormat): Promise<string> {
  if (format === "encrypted_json") return (await encryptedOrgExport(orgId, orgKey)).text;
  const data = await fetchExport(orgId);
  const collections = await Promise.all(data.collections.map(async (c) => ({ ...c, name: await decryptToString(c.name, orgKey) })));
  const names = new Map(collections.map((c) => [c.id, c.name]));
  const live = data.ciphers.filter((c) => !c.deletedDate);
  const items = await Promise.all(live.map(async (raw) => ({ raw, view: await decryptCipher(raw, orgKey) })));
  if (format === "json") {
    return JSON.stringify({ encrypted: false, collections, items: items.map(({ view, raw }) => jsonItem(view, raw)) }, null, 2);
  }
  return toOrgCsv(items
    .filter(({ view }) => view.type === CipherType.Login || view.type === CipherType.SecureNote)
    .map(({ view, raw }) => ({
      collections: raw.collectionIds.map((id) => names.get(id) ?? "").filter(Boolean),
      type: view.type === CipherType.Login ? "login" : "note", name: view.name, notes: view.notes,
      fields: view.fields.map((f) => ({ name: f.name, value: f.value })), reprompt: view.reprompt,
      uris: view.login.uris.map((u) => u.uri), username: view.login.username, password: view.login.password, totp: view.login.totp,
    })));
}
