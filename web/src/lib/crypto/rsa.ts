import { type Bytes } from "./bytes";
import { CryptoError, formatEncString, parseEncString } from "./enc-string";

export interface RsaKeyPair {
  publicKeySpki: Bytes;
  privateKeyPkcs8: Bytes;
}

const oaepSha1 = { name: "RSA-OAEP", hash: "SHA-1" } as const;

export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  const pair = await globalThis.crypto.subtle.generateKey(
    { ...oaepSha1, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ["encrypt", "decrypt"],
  );
  return {
    publicKeySpki: new Uint8Array(await globalThis.crypto.subtle.exportKey("spki", pair.publicKey)),
    privateKeyPkcs8: new Uint8Array(await globalThis.crypto.subtle.exportKey("pkcs8", pair.privateKey)),
  };
}

/** Type 4: RSA-OAEP with SHA-1, how organization and provider keys are wrapped to a user. */
export async function rsaEncrypt(plaintext: Bytes, publicKeySpki: Bytes): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey("spki", publicKeySpki, oaepSha1, false, ["encrypt"]);
  const data = new Uint8Array(await globalThis.crypto.subtle.encrypt(oaepSha1, key, plaintext));
  return formatEncString({ type: 4, data });
}

export async function rsaDecrypt(encString: string, privateKeyPkcs8: Bytes): Promise<Bytes> {
  const enc = parseEncString(encString);
  if (enc.type !== 4) throw new CryptoError(`Expected a type 4 EncString, got type ${enc.type}.`);
  let key: CryptoKey;
  try {
    key = await globalThis.crypto.subtle.importKey("pkcs8", privateKeyPkcs8, oaepSha1, false, ["decrypt"]);
  } catch {
    throw new CryptoError("Invalid RSA private key.");
  }
  try {
    return new Uint8Array(await globalThis.crypto.subtle.decrypt(oaepSha1, key, enc.data));
  } catch {
    throw new CryptoError("RSA decryption failed: wrong key or tampered data.");
  }
}
