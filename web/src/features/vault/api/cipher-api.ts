import { encrypt } from "../../../lib/crypto/enc-string";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { orgKey } from "../../../lib/profile";
import { apiClient, keyStore } from "../../../lib/session";
import { decryptCipher, encryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { CipherType, type CipherView, type CipherWire } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

async function ownerKey(organizationId: string | null): Promise<SymmetricKey> {
  if (!organizationId) return keyStore.userKey;
  const key = await orgKey(organizationId);
  if (!key) throw new Error(t("vault.noOrgKey"));
  return key;
}

async function decrypted(wire: CipherWire): Promise<CipherView> {
  return decryptCipher(wire, await ownerKey(wire.organizationId));
}

/** Like Bitwarden: a changed password goes to the item's history (the last five), with the time it changed. */
export function recordPasswordChange(view: CipherView, original: CipherView, now = new Date()): CipherView {
  const old = original.login.password;
  if (view.type !== CipherType.Login || !old || view.login.password === old) return view;
  const at = now.toISOString();
  return {
    ...view,
    login: { ...view.login, passwordRevisionDate: at },
    passwordHistory: [{ password: old, lastUsedDate: at }, ...view.passwordHistory].slice(0, 5),
  };
}

/**
 * Sharing re-encrypts each attachment's name and key for the org (attachments2); the file itself stays as it is,
 * since it is encrypted under its own key. Old attachments without their own key would need uploading again.
 */
async function rewrapAttachments(original: CipherView, ownerKey: SymmetricKey) {
  const key = original.itemKey ?? ownerKey;
  const entries = await Promise.all(original.attachments.map(async (a) => {
    if (!a.key) throw new Error(t("vault.reattachBeforeMove", { name: a.fileName }));
    return [a.id, { fileName: await encrypt(a.fileName, key), key: await encrypt(symmetricKeyToBytes(a.key), key) }] as const;
  }));
  return Object.fromEntries(entries);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Saves an item, encrypted here so the server only sees EncStrings:
 * - new personal item: POST /api/ciphers; new org item: POST /api/ciphers/create {cipher, collectionIds};
 * - edit: PUT /api/ciphers/{id} with lastKnownRevisionDate, then PUT …/collections if an org item's collections changed;
 * - a personal item given an organization: PUT /api/ciphers/{id}/share, re-encrypted under the org key;
 * - an item the user may only read: PUT …/partial with just their folder and favorite mark.
 */
export async function saveCipher(edited: CipherView, original: CipherView | null, userId: string): Promise<CipherView> {
  const view = original ? recordPasswordChange(edited, original) : edited;
  const key = await ownerKey(view.organizationId);
  if (!original?.id) {
    const cipher = await encryptCipher({ ...view, revisionDate: null }, key, userId);
    const wire = view.organizationId
      ? await apiClient.post<CipherWire>("/api/ciphers/create", { cipher, collectionIds: view.collectionIds })
      : await apiClient.post<CipherWire>("/api/ciphers", cipher);
    return decrypted(wire);
  }
  if (!original.organizationId && view.organizationId) {
    const previousKey = original.itemKey ? null : keyStore.userKey;
    const cipher = { ...(await encryptCipher(view, key, userId, previousKey)), attachments2: await rewrapAttachments(original, key) };
    const wire = await apiClient.request<CipherWire>(`/api/ciphers/${original.id}/share`, {
      method: "PUT", json: { cipher, collectionIds: view.collectionIds },
    });
    return decrypted(wire);
  }
  if (!original.edit) {
    const wire = await apiClient.request<CipherWire>(`/api/ciphers/${original.id}/partial`, {
      method: "PUT", json: { folderId: view.folderId, favorite: view.favorite },
    });
    return decrypted(wire);
  }
  let wire = await apiClient.request<CipherWire>(`/api/ciphers/${original.id}`, {
    method: "PUT", json: await encryptCipher(view, key, userId),
  });
  if (view.organizationId && !sameSet(view.collectionIds, original.collectionIds)) {
    wire = await apiClient.request<CipherWire>(`/api/ciphers/${original.id}/collections`, {
      method: "PUT", json: { collectionIds: view.collectionIds },
    });
  }
  return decrypted(wire);
}

/** Moves an item to the trash (PUT …/delete); DELETE removes it for good. */
export async function trashCipher(id: string): Promise<void> {
  await apiClient.request(`/api/ciphers/${id}/delete`, { method: "PUT" });
}

export async function restoreCipher(id: string): Promise<void> {
  await apiClient.request(`/api/ciphers/${id}/restore`, { method: "PUT" });
}

export async function deleteCipherPermanently(id: string): Promise<void> {
  await apiClient.request(`/api/ciphers/${id}`, { method: "DELETE" });
}
