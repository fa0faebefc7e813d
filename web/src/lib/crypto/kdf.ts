import { argon2id } from "hash-wasm";
import { concatBytes, toBase64, utf8Encode, type Bytes } from "./bytes";
import type { SymmetricKey } from "./symmetric-key";

export const KdfType = { Pbkdf2Sha256: 0, Argon2id: 1 } as const;

export type KdfConfig =
  | { type: typeof KdfType.Pbkdf2Sha256; iterations: number }
  | { type: typeof KdfType.Argon2id; iterations: number; memory: number; parallelism: number };

const subtle = () => globalThis.crypto.subtle;

export async function pbkdf2Sha256(password: Bytes, salt: Bytes, iterations: number): Promise<Bytes> {
  const key = await subtle().importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
  const bits = await subtle().deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function makeMasterKey(password: string, email: string, kdf: KdfConfig): Promise<Bytes> {
  const passwordBytes = utf8Encode(password);
  const salt = utf8Encode(normalizeEmail(email));
  if (kdf.type === KdfType.Pbkdf2Sha256) {
    return pbkdf2Sha256(passwordBytes, salt, kdf.iterations);
  }
  if (kdf.type === KdfType.Argon2id) {
    // Argon2 wants a salt of 16 bytes or more, so Bitwarden clients hash the email first.
    const hashedSalt = new Uint8Array(await subtle().digest("SHA-256", salt));
    const out = await argon2id({
      password: passwordBytes,
      salt: hashedSalt,
      iterations: kdf.iterations,
      memorySize: kdf.memory * 1024,
      parallelism: kdf.parallelism,
      hashLength: 32,
      outputType: "binary",
    });
    return new Uint8Array(out);
  }
  throw new Error(`Unsupported KDF type ${(kdf as { type: number }).type}.`);
}

/** The value sent to the server as the password; the master key itself never leaves the client. */
export async function hashMasterPassword(masterKey: Bytes, password: string): Promise<string> {
  return toBase64(await pbkdf2Sha256(masterKey, utf8Encode(password), 1));
}

export async function hmacSha256(key: Bytes, data: Bytes): Promise<Bytes> {
  const k = await subtle().importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle().sign("HMAC", k, data));
}

/** RFC 5869 Expand only: WebCrypto's HKDF always runs Extract first, which Bitwarden's stretch skips. */
export async function hkdfExpand(prk: Bytes, info: Bytes, length: number): Promise<Bytes> {
  if (length > 255 * 32) throw new Error("HKDF-Expand output too long.");
  const blocks: Bytes[] = [];
  let previous: Bytes = new Uint8Array(0);
  for (let i = 1; blocks.length * 32 < length; i++) {
    previous = await hmacSha256(prk, concatBytes(previous, info, new Uint8Array([i])));
    blocks.push(previous);
  }
  return new Uint8Array(concatBytes(...blocks).slice(0, length));
}

export async function stretchMasterKey(masterKey: Bytes): Promise<SymmetricKey> {
  return {
    encKey: await hkdfExpand(masterKey, utf8Encode("enc"), 32),
    macKey: await hkdfExpand(masterKey, utf8Encode("mac"), 32),
  };
}
