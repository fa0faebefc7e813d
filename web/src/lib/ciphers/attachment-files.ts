import { concatBytes, type Bytes } from "../crypto/bytes";
import { CryptoError, decrypt, encrypt, formatEncString, parseEncString } from "../crypto/enc-string";
import type { SymmetricKey } from "../crypto/symmetric-key";
import { toApiError } from "../api-client";
import { t } from "../i18n/messages";
import { apiClient } from "../session";
import type { AttachmentWire } from "./cipher-types";

/**
 * Files are stored as Bitwarden's EncArrayBuffer: one type byte (2), the 16-byte IV, the 32-byte MAC, then the
 * AES-CBC ciphertext; the same cipher as a type 2 EncString, laid out as bytes.
 */
export async function encryptFile(plain: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  const enc = parseEncString(await encrypt(plain, key));
  if (enc.type !== 2) throw new CryptoError("Unexpected EncString type.");
  return concatBytes(new Uint8Array([2]), enc.iv, enc.mac, enc.data);
}

export async function decryptFile(file: Uint8Array, key: SymmetricKey): Promise<Bytes> {
  if (file.length < 1 + 16 + 32 + 16 || file[0] !== 2) throw new Error(t("attachment.badFormat"));
  const copy = (from: number, to?: number) => new Uint8Array(file.slice(from, to));
  return decrypt(formatEncString({ type: 2, iv: copy(1, 17), mac: copy(17, 49), data: copy(49) }), key);
}

/** Any route answering Bitwarden's AttachmentResponseModel: its signed link, fetched without the bearer token, then decrypted. */
export async function fetchDecrypted(linkRoute: string, key: SymmetricKey): Promise<Blob> {
  const link = await apiClient.get<AttachmentWire>(linkRoute);
  const response = await fetch(link.url);
  if (!response.ok) throw await toApiError(response);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return new Blob([await decryptFile(bytes, key)]);
}
