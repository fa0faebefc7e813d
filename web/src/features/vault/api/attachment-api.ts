import type { Bytes } from "../../../lib/crypto/bytes";
import { encrypt } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { toApiError } from "../../../lib/api-client";
import { orgKey } from "../../../lib/profile";
import { apiClient, keyStore, tokens } from "../../../lib/session";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";
import { decryptFile, encryptFile, fetchDecrypted } from "../../../lib/ciphers/attachment-files";

export { decryptFile, encryptFile, fetchDecrypted };

async function itemKeyOf(cipher: CipherView): Promise<SymmetricKey> {
  if (cipher.itemKey) return cipher.itemKey;
  if (!cipher.organizationId) return keyStore.userKey;
  const key = await orgKey(cipher.organizationId);
  if (!key) throw new Error(t("vault.noOrgKey"));
  return key;
}

/** Asks for a fresh signed link (they expire), fetches the encrypted file and decrypts it with its own key. */
export async function downloadAttachment(cipher: CipherView, attachment: AttachmentView): Promise<Blob> {
  return fetchDecrypted(`/api/ciphers/${cipher.id}/attachment/${attachment.id}`, attachment.key ?? (await itemKeyOf(cipher)));
}

/**
 * The v2 upload: announce the encrypted name, a new file key (wrapped with the item's key) and the encrypted size,
 * then send the encrypted bytes as the multipart part "data".
 */
export async function uploadAttachment(cipher: CipherView, file: File): Promise<void> {
  const key = await itemKeyOf(cipher);
  const fileKey = makeUserKey();
  const encrypted = await encryptFile(new Uint8Array(await file.arrayBuffer()), fileKey);
  const announced = await apiClient.post<{ attachmentId: string; url: string }>(`/api/ciphers/${cipher.id}/attachment/v2`, {
    key: await encrypt(symmetricKeyToBytes(fileKey), key),
    fileName: await encrypt(file.name, key),
    fileSize: encrypted.length,
    adminRequest: false,
    lastKnownRevisionDate: cipher.revisionDate,
  });
  await uploadEncryptedFile(announced.url, encrypted);
}

/** The direct upload of the v2 file routes (attachments, file Sends): the encrypted bytes as the multipart part "data". */
export async function uploadEncryptedFile(announcedUrl: string, encrypted: Bytes): Promise<void> {
  const form = new FormData();
  form.append("data", new Blob([encrypted], { type: "application/octet-stream" }), "encrypted");
  const headers = new Headers({ Accept: "application/json" });
  if (tokens.accessToken) headers.set("Authorization", "Bearer " + tokens.accessToken);
  const response = await fetch(`/api${announcedUrl}`, { method: "POST", body: form, headers });
  if (!response.ok) throw await toApiError(response);
}

export async function deleteAttachment(cipherId: string, attachmentId: string): Promise<void> {
  await apiClient.request(`/api/ciphers/${cipherId}/attachment/${attachmentId}`, { method: "DELETE" });
}
