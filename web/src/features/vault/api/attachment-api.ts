import { concatBytes, type Bytes } from "../../../lib/crypto/bytes";
import { decrypt, encrypt, formatEncString, parseEncString } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { toApiError } from "../../../lib/api-client";
import { orgKey } from "../../../lib/profile";
import { apiClient, keyStore, tokens } from "../../../lib/session";
import type { AttachmentView, AttachmentWire, CipherView } from "../../../lib/ciphers/cipher-types";

/**
 * Files are stored as Bitwarden's EncArrayBuffer: one type byte (2), the 16-byte IV, the 32-byte MAC, then the
 * AES-CBC ciphertext; the same cipher as a type 2 EncString, laid out as bytes.
 */
export async function encryptFile(plain: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  const enc = parseEncString(await encrypt(plain, key));
  if (enc.type !== 2) throw new Error("Unexpected EncString type.");
  return concatBytes(new Uint8Array([2]), enc.iv, enc.mac, enc.data);
}

export async function decryptFile(file: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  if (file.length < 1 + 16 + 32 + 16 || file[0] !== 2) throw new Error("The file is not in a format this vault can decrypt.");
  const copy = (from: number, to?: number) => new Uint8Array(file.slice(from, to));
  return decrypt(formatEncString({ type: 2, iv: copy(1, 17), mac: copy(17, 49), data: copy(49) }), key);
}

async function itemKeyOf(cipher: CipherView): Promise<SymmetricKey> {
  if (cipher.itemKey) return cipher.itemKey;
  if (!cipher.organizationId) return keyStore.userKey;
  const key = await orgKey(cipher.organizationId);
  if (!key) throw new Error("You hold no key for this organization.");
  return key;
}

/** Asks for a fresh signed link (they expire), fetches the encrypted file and decrypts it with its own key. */
export async function downloadAttachment(cipher: CipherView, attachment: AttachmentView): Promise<Blob> {
  return fetchDecrypted(`/api/ciphers/${cipher.id}/attachment/${attachment.id}`, attachment.key ?? (await itemKeyOf(cipher)));
}

/** Any route answering Bitwarden's AttachmentResponseModel: its signed link, fetched without the bearer token, then decrypted. */
export async function fetchDecrypted(linkRoute: string, key: SymmetricKey): Promise<Blob> {
  const link = await apiClient.get<AttachmentWire>(linkRoute);
  const response = await fetch(link.url);
  if (!response.ok) throw await toApiError(response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new Blob([await decryptFile(bytes, key)]);
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
  if (tokens.accessToken) headers.set("Authorization", `Bearer ${tokens.accessToken}`);
  const response = await fetch(`/api${announcedUrl}`, { method: "POST", body: form, headers });
  if (!response.ok) throw await toApiError(response);
}

export async function deleteAttachment(cipherId: string, attachmentId: string): Promise<void> {
  await apiClient.request(`/api/ciphers/${cipherId}/attachment/${attachmentId}`, { method: "DELETE" });
}
