import { fromBase64, randomBytes, toBase64, utf8Encode, type Bytes } from "../../../lib/crypto/bytes";
import { hkdfExpand, hmacSha256, pbkdf2Sha256 } from "../../../lib/crypto/kdf";
import { symmetricKeyFromBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";

/**
 * A Send's secret is 16 random bytes. The owner keeps them wrapped with the user key (the Send's `key`); the
 * recipient gets them in the link's fragment, which browsers never send to the server. Both derive the key that
 * encrypts the name, text and file from them, as Bitwarden's clients do.
 */
export const SEND_KEY_MATERIAL_LENGTH = 16;

/** Iterations of the Send password hash (Bitwarden's SEND_KDF_ITERATIONS). */
const SEND_PASSWORD_ITERATIONS = 100_000;

export function makeSendKeyMaterial(): Bytes {
  return randomBytes(SEND_KEY_MATERIAL_LENGTH);
}

/**
 * Bitwarden's shareable-key derivation: HKDF-SHA256 with the salt "bitwarden-{name}" (the Extract step, an HMAC
 * keyed by the salt) and then Expand to a 64-byte key.
 */
export async function deriveShareableKey(secret: Bytes, name: string, info?: string): Promise<SymmetricKey> {
  const prk = await hmacSha256(utf8Encode(`bitwarden-${name}`), secret);
  return symmetricKeyFromBytes(await hkdfExpand(prk, utf8Encode(info ?? ""), 64));
}

export function deriveSendKey(keyMaterial: Bytes): Promise<SymmetricKey> {
  return deriveShareableKey(keyMaterial, "send", "send");
}

/**
 * What the client sends instead of a Send's password, on creation and on access: PBKDF2-SHA256 of the password
 * salted with the Send's key material, so the server never sees the password and the hash is useless for any other Send.
 */
export async function hashSendPassword(password: string, keyMaterial: Bytes): Promise<string> {
  return toBase64(await pbkdf2Sha256(utf8Encode(password), keyMaterial, SEND_PASSWORD_ITERATIONS));
}

export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Bytes {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  return fromBase64(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
}

/** The link the owner shares: the web vault's received-Send page, the key material in the fragment. */
export function sendLink(vaultUrl: string, accessId: string, keyMaterial: Uint8Array): string {
  return `${vaultUrl.replace(/\/$/, "")}/#/send/${accessId}/${toBase64Url(keyMaterial)}`;
}
