import { concatBytes, randomBytes, type Bytes } from "./bytes";

/** A 64-byte key: AES-256 half and HMAC-SHA256 half. */
export interface SymmetricKey {
  readonly encKey: Bytes;
  readonly macKey: Bytes;
}

export function symmetricKeyFromBytes(bytes: Uint8Array): SymmetricKey {
  if (bytes.length !== 64) throw new Error("A symmetric key has 64 bytes.");
  return { encKey: new Uint8Array(bytes.slice(0, 32)), macKey: new Uint8Array(bytes.slice(32)) };
}

export function symmetricKeyToBytes(key: SymmetricKey): Bytes {
  return concatBytes(key.encKey, key.macKey);
}

export function makeUserKey(): SymmetricKey {
  return symmetricKeyFromBytes(randomBytes(64));
}
