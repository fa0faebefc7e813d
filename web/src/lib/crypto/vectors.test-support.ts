import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// A plain path: under jsdom, Vite would turn `new URL(…, import.meta.url)` into an asset import.
function load(name: string): unknown {
  return JSON.parse(readFileSync(resolve(__dirname, "../../../../tests/vectors", name), "utf8"));
}

export interface KdfVector {
  name: string;
  kdfType: 0 | 1;
  iterations: number;
  memory?: number;
  parallelism?: number;
  masterKey: string;
  masterPasswordHash: string;
  stretchedEncKey: string;
  stretchedMacKey: string;
}

/** Produced by the C# ClientCrypto helper (CryptoVectorsTests pins them there). */
export const sharedVectors = load("crypto-vectors.json") as {
  password: string;
  email: string;
  kdf: KdfVector[];
  encString: { key: string; iv: string; plaintext: string; encString: string };
  protectedUserKey: { kdf: string; iv: string; userKey: string; encString: string };
  rsa: { publicKeySpki: string; privateKeyPkcs8: string; encString: string; plaintext: string };
};

/** Published known answers (Bitwarden SDK, RFC 5869), checked by ClientCryptoTests on the C# side. */
export const publishedVectors = load("crypto.json") as {
  masterPasswordHash: { password: string; email: string; kdfType: 0; iterations: number; hash: string }[];
  hkdfExpand: { prkHex: string; infoHex: string; length: number; okmHex: string }[];
  encString: { keyHex: string; ivHex: string; plaintext: string; encString: string }[];
};

export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array((hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
