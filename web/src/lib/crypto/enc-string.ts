import { concatBytes, constantTimeEqual, fromBase64, randomBytes, toBase64, utf8Decode, utf8Encode, type Bytes } from "./bytes";
import { hmacSha256 } from "./kdf";
import type { SymmetricKey } from "./symmetric-key";

export class CryptoError extends Error {
  override name = "CryptoError";
}

export type EncString =
  | { type: 2; iv: Bytes; data: Bytes; mac: Bytes }
  | { type: 4; data: Bytes };

function decodePart(part: string, what: string): Bytes {
  try {
    return fromBase64(part);
  } catch {
    throw new CryptoError(`Malformed EncString: ${what} is not base64.`);
  }
}

export function parseEncString(text: string): EncString {
  const dot = text.indexOf(".");
  if (dot < 1) throw new CryptoError("Malformed EncString: missing type prefix.");
  const type = text.slice(0, dot);
  const parts = text.slice(dot + 1).split("|");
  if (type === "2") {
    if (parts.length !== 3) throw new CryptoError("Malformed EncString: type 2 has three parts.");
    const iv = decodePart(parts[0]!, "iv");
    const data = decodePart(parts[1]!, "data");
    const mac = decodePart(parts[2]!, "mac");
    if (iv.length !== 16 || mac.length !== 32 || data.length === 0 || data.length % 16 !== 0) {
      throw new CryptoError("Malformed EncString: wrong iv, data or mac length.");
    }
    return { type: 2, iv, data, mac };
  }
  if (type === "4") {
    if (parts.length !== 1) throw new CryptoError("Malformed EncString: type 4 has one part.");
    return { type: 4, data: decodePart(parts[0]!, "data") };
  }
  throw new CryptoError(`Unsupported EncString type ${type}.`);
}

export function formatEncString(enc: EncString): string {
  return enc.type === 2
    ? `2.${toBase64(enc.iv)}|${toBase64(enc.data)}|${toBase64(enc.mac)}`
    : `4.${toBase64(enc.data)}`;
}

async function aesKey(key: SymmetricKey, usage: "encrypt" | "decrypt"): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey("raw", key.encKey, "AES-CBC", false, [usage]);
}

/** Type 2: AES-256-CBC (PKCS#7) with HMAC-SHA256 over iv || ciphertext. */
export async function encrypt(plaintext: Uint8Array | string, key: SymmetricKey, iv?: Bytes): Promise<string> {
  const data = typeof plaintext === "string" ? utf8Encode(plaintext) : new Uint8Array(plaintext);
  const ivBytes = iv ?? randomBytes(16);
  const cipher = new Uint8Array(
    await globalThis.crypto.subtle.encrypt({ name: "AES-CBC", iv: ivBytes }, await aesKey(key, "encrypt"), data),
  );
  const mac = await hmacSha256(key.macKey, concatBytes(ivBytes, cipher));
  return formatEncString({ type: 2, iv: ivBytes, data: cipher, mac });
}

export async function decrypt(encString: string, key: SymmetricKey): Promise<Bytes> {
  const enc = parseEncString(encString);
  if (enc.type !== 2) throw new CryptoError(`Expected a type 2 EncString, got type ${enc.type}.`);
  const expected = await hmacSha256(key.macKey, concatBytes(enc.iv, enc.data));
  // Check the MAC before decrypting so a tampered string never reaches the padding check.
  if (!constantTimeEqual(enc.mac, expected)) throw new CryptoError("EncString MAC mismatch: wrong key or tampered data.");
  try {
    const plain = await globalThis.crypto.subtle.decrypt({ name: "AES-CBC", iv: enc.iv }, await aesKey(key, "decrypt"), enc.data);
    return new Uint8Array(plain);
  } catch {
    throw new CryptoError("EncString decryption failed.");
  }
}

export async function decryptToString(encString: string, key: SymmetricKey): Promise<string> {
  return utf8Decode(await decrypt(encString, key));
}
