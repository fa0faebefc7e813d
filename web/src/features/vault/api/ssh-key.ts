import { concatBytes, randomBytes, toBase64, utf8Encode, type Bytes } from "../../../lib/crypto/bytes";

/** An SSH key pair as an SSH key item stores it: OpenSSH private key, authorized_keys line, SHA256 fingerprint. */
export interface SshKeyPair {
  privateKey: string;
  publicKey: string;
  keyFingerprint: string;
}

function uint32(n: number): Bytes {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, n);
  return out;
}

/** SSH wire "string": a 4-byte length, then the bytes. */
function sshString(value: Uint8Array | string): Bytes {
  const bytes = typeof value === "string" ? utf8Encode(value) : value;
  return concatBytes(uint32(bytes.length), bytes);
}

function wrap(text: string, width: number): string {
  return text.match(new RegExp(`.{1,${width}}`, "g"))!.join("\n");
}

/** The "SHA256:…" fingerprint ssh-keygen -l prints: unpadded base64 of the SHA-256 of the public key blob. */
export async function sshFingerprint(publicBlob: Bytes): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", publicBlob));
  return `SHA256:${toBase64(digest).replace(/=+$/, "")}`;
}

/** The openssh-key-v1 container, unencrypted, holding one Ed25519 key (PROTOCOL.key in OpenSSH). */
function opensshPrivateKey(seed: Bytes, publicKey: Bytes, publicBlob: Bytes, comment: string): string {
  const check = randomBytes(4);
  let section = concatBytes(check, check, sshString("ssh-ed25519"), sshString(publicKey),
    sshString(concatBytes(seed, publicKey)), sshString(comment));
  const padding = Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1);
  section = concatBytes(section, new Uint8Array(padding));
  const body = concatBytes(utf8Encode("openssh-key-v1\0"), sshString("none"), sshString("none"), sshString(""), uint32(1),
    sshString(publicBlob), sshString(section));
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(toBase64(body), 70)}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

/** A new Ed25519 key from WebCrypto, like the one the official clients create for a new SSH key item. */
export async function generateSshKey(comment = ""): Promise<SshKeyPair> {
  const pair = (await globalThis.crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await globalThis.crypto.subtle.exportKey("raw", pair.publicKey));
  // An Ed25519 PKCS#8 key is a fixed 16-byte header followed by the 32-byte seed.
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey("pkcs8", pair.privateKey));
  const seed = pkcs8.slice(pkcs8.length - 32);
  const publicBlob = concatBytes(sshString("ssh-ed25519"), sshString(publicKey));
  const privateKey = opensshPrivateKey(seed, publicKey, publicBlob, comment);
  seed.fill(0);
  pkcs8.fill(0);
  return {
    privateKey,
    publicKey: `ssh-ed25519 ${toBase64(publicBlob)}${comment ? ` ${comment}` : ""}`,
    keyFingerprint: await sshFingerprint(publicBlob),
  };
}
