import { utf8Encode, type Bytes } from "./bytes";
import { effLongWordList } from "./eff-long-wordlist";
import { hkdfExpand } from "./kdf";

/**
 * Bitwarden's fingerprint phrase: HKDF-Expand(SHA-256(public key), material) read as a big-endian number and
 * spelled as five EFF words. An admin compares it with the member's own before confirming, so a server that
 * swapped the public key would be caught.
 */
export async function fingerprintPhrase(material: string, publicKeySpki: Bytes): Promise<string> {
  const keyHash = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", publicKeySpki));
  const okm = await hkdfExpand(keyHash, utf8Encode(material), 32);
  let n = 0n;
  for (const b of okm) n = (n << 8n) | BigInt(b);
  const words: string[] = [];
  const size = BigInt(effLongWordList.length);
  // 5 words carry 64 bits of entropy at log2(7776) ≈ 12.9 bits each, as the official clients use.
  for (let i = 0; i < 5; i++) {
    words.push(effLongWordList[Number(n % size)]!);
    n /= size;
  }
  return words.join("-");
}
