import { toBase64, utf8Encode } from "../crypto/bytes";
import { decrypt, decryptToString, encrypt } from "../crypto/enc-string";
import { symmetricKeyFromBytes, symmetricKeyToBytes, type SymmetricKey } from "../crypto/symmetric-key";
import { t } from "../i18n/messages";
import {
  cardKeys, CipherType, emptyCipher, identityKeys, sshKeyKeys,
  type CipherView, type CipherWire, type FieldWire, type LoginWire,
} from "./cipher-types";

async function dec(value: string | null | undefined, key: SymmetricKey): Promise<string> {
  return value ? decryptToString(value, key) : "";
}

async function enc(value: string, key: SymmetricKey): Promise<string | null> {
  return value === "" ? null : encrypt(value, key);
}

async function decRecord<K extends string>(keys: readonly K[], wire: Partial<Record<K, string | null>> | null | undefined,
  key: SymmetricKey): Promise<Record<K, string>> {
  const values = await Promise.all(keys.map((k) => dec(wire?.[k], key)));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, string>;
}

async function encRecord<K extends string>(keys: readonly K[], view: Record<K, string>, key: SymmetricKey): Promise<Record<K, string | null>> {
  const values = await Promise.all(keys.map((k) => enc(view[k], key)));
  return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Record<K, string | null>;
}

/**
 * Decrypts an item with its owner's key (the user key, or its org's key). An item with its own `key` has that key
 * wrapped under the owner's key, and its fields encrypted under it. A failure marks the item rather than hiding it.
 */
export async function decryptCipher(wire: CipherWire, ownerKey: SymmetricKey | undefined): Promise<CipherView> {
  const base: CipherView = {
    ...emptyCipher(wire.type),
    id: wire.id, organizationId: wire.organizationId, folderId: wire.folderId, collectionIds: wire.collectionIds ?? [],
    favorite: wire.favorite, reprompt: wire.reprompt, edit: wire.edit, viewPassword: wire.viewPassword,
    canDelete: wire.permissions?.delete ?? wire.edit, canRestore: wire.permissions?.restore ?? wire.edit,
    revisionDate: wire.revisionDate, deletedDate: wire.deletedDate, hasAttachments: (wire.attachments?.length ?? 0) > 0,
    wire,
  };
  try {
    if (!ownerKey) throw new Error(t("vault.noOwnerKey"));
    const itemKey = wire.key ? symmetricKeyFromBytes(await decrypt(wire.key, ownerKey)) : null;
    const key = itemKey ?? ownerKey;
    const login = wire.login;
    return {
      ...base,
      itemKey,
      name: await dec(wire.name, key),
      notes: await dec(wire.notes, key),
      login: {
        username: await dec(login?.username, key),
        password: await dec(login?.password, key),
        totp: await dec(login?.totp, key),
        passwordRevisionDate: login?.passwordRevisionDate ?? null,
        uris: await Promise.all((login?.uris ?? []).map(async (u) => ({ uri: await dec(u.uri, key), match: u.match ?? null }))),
      },
      card: await decRecord(cardKeys, wire.card, key),
      identity: await decRecord(identityKeys, wire.identity, key),
      sshKey: await decRecord(sshKeyKeys, wire.sshKey, key),
      fields: await Promise.all((wire.fields ?? []).map(async (f) => ({
        type: f.type, name: await dec(f.name, key), value: await dec(f.value, key), linkedId: f.linkedId ?? null,
      }))),
      passwordHistory: await Promise.all((wire.passwordHistory ?? []).map(async (h) => ({
        password: await dec(h.password, key), lastUsedDate: h.lastUsedDate,
      }))),
      attachments: await Promise.all((wire.attachments ?? []).map(async (a) => ({
        id: a.id, fileName: await dec(a.fileName, key), sizeName: a.sizeName,
        key: a.key ? symmetricKeyFromBytes(await decrypt(a.key, key)) : null,
      }))),
    };
  } catch {
    return { ...base, name: t("vault.decryptionError"), decryptionFailed: true, edit: false };
  }
}

/** Re-encrypts every EncString inside a value this UI does not edit (passkeys), when an item changes keys. */
async function reencryptDeep(value: unknown, from: SymmetricKey, to: SymmetricKey): Promise<unknown> {
  if (typeof value === "string") return /^2\.[^|]+\|[^|]+\|[^|]+$/.test(value) ? encrypt(await decrypt(value, from), to) : value;
  if (Array.isArray(value)) return Promise.all(value.map((v) => reencryptDeep(v, from, to)));
  if (value && typeof value === "object") {
    const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await reencryptDeep(v, from, to)] as const));
    return Object.fromEntries(entries);
  }
  return value;
}

/** Bitwarden's uriChecksum: the EncString of base64(SHA-256(uri)), which clients check on decrypt. */
async function uriChecksum(uri: string, key: SymmetricKey): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", utf8Encode(uri)));
  return encrypt(toBase64(digest), key);
}

async function encryptLogin(view: CipherView, key: SymmetricKey, oldKey: SymmetricKey | null): Promise<LoginWire> {
  const l = view.login;
  const passkeys = view.wire?.login?.fido2Credentials ?? null;
  return {
    username: await enc(l.username, key),
    password: await enc(l.password, key),
    totp: await enc(l.totp, key),
    passwordRevisionDate: l.passwordRevisionDate,
    uris: await Promise.all(l.uris.filter((u) => u.uri.trim() !== "").map(async (u) => ({
      uri: await encrypt(u.uri, key), uriChecksum: await uriChecksum(u.uri, key), match: u.match,
    }))),
    fido2Credentials: passkeys && oldKey && oldKey !== key ? ((await reencryptDeep(passkeys, oldKey, key)) as unknown[]) : passkeys,
  };
}

/** The body of POST /api/ciphers, PUT /api/ciphers/{id} and share (Bitwarden's CipherRequestModel). */
export interface CipherRequest {
  type: number;
  organizationId: string | null;
  folderId: string | null;
  favorite: boolean;
  reprompt: number;
  key: string | null;
  name: string;
  notes: string | null;
  fields: FieldWire[];
  passwordHistory: { password: string; lastUsedDate: string }[];
  login?: LoginWire;
  secureNote?: { type: number };
  card?: Record<string, string | null>;
  identity?: Record<string, string | null>;
  sshKey?: Record<string, string | null>;
  lastKnownRevisionDate: string | null;
  encryptedFor: string;
}

/**
 * Encrypts an item under its owner's key, or under its own item key (itself wrapped by the owner's key) when it has
 * one. `previousKey` is the key the stored item was encrypted with, needed only to carry passkeys across a share.
 */
export async function encryptCipher(view: CipherView, ownerKey: SymmetricKey, userId: string,
  previousKey: SymmetricKey | null = null): Promise<CipherRequest> {
  const key = view.itemKey ?? ownerKey;
  const request: CipherRequest = {
    type: view.type,
    organizationId: view.organizationId,
    folderId: view.folderId,
    favorite: view.favorite,
    reprompt: view.reprompt,
    key: view.itemKey ? await encrypt(symmetricKeyToBytes(view.itemKey), ownerKey) : null,
    name: await encrypt(view.name, key),
    notes: await enc(view.notes, key),
    fields: await Promise.all(view.fields.map(async (f) => ({
      type: f.type, name: await enc(f.name, key), value: await enc(f.value, key), linkedId: f.linkedId,
    }))),
    passwordHistory: await Promise.all(view.passwordHistory.map(async (h) => ({
      password: await encrypt(h.password, key), lastUsedDate: h.lastUsedDate,
    }))),
    lastKnownRevisionDate: view.revisionDate,
    encryptedFor: userId,
  };
  if (view.type === CipherType.Login) request.login = await encryptLogin(view, key, previousKey ?? key);
  if (view.type === CipherType.SecureNote) request.secureNote = { type: 0 };
  if (view.type === CipherType.Card) request.card = await encRecord(cardKeys, view.card, key);
  if (view.type === CipherType.Identity) request.identity = await encRecord(identityKeys, view.identity, key);
  if (view.type === CipherType.SshKey) request.sshKey = await encRecord(sshKeyKeys, view.sshKey, key);
  return request;
}
