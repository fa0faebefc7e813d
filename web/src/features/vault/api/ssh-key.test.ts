import { describe, expect, it } from "vitest";
import { concatBytes, fromBase64 } from "../../../lib/crypto/bytes";
import { generateSshKey, sshFingerprint } from "./ssh-key";

/** Reads SSH wire strings from a buffer, in order. */
function reader(bytes: Uint8Array) {
  let at = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    uint32: () => ((at += 4), view.getUint32(at - 4)),
    string(): Uint8Array {
      const n = view.getUint32(at);
      at += 4 + n;
      return bytes.slice(at - n, at);
    },
    raw: (n: number) => bytes.slice(at, (at += n)),
  };
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("generateSshKey", () => {
  it("computes the fingerprint ssh-keygen -l prints", async () => {
    // Known answer from ssh-keygen -l for this public key.
    const blob = fromBase64("AAAAC3NzaC1lZDI1NTE5AAAAIIVyMpsyEhSkxJhp1iY5mPkaWm9rg5GD+2KAAdlHPkKL");
    expect(await sshFingerprint(blob)).toBe("SHA256:Qaf9g7pcyroFg+32hmZ69dKm/mbUMyUpUWRNV0QbMCc");
  });

  it("writes an openssh-key-v1 private key whose seed signs for the public key", async () => {
    const key = await generateSshKey("me@host");
    const [type, b64, comment] = key.publicKey.split(" ");
    expect([type, comment]).toEqual(["ssh-ed25519", "me@host"]);
    const publicBlob = fromBase64(b64!);
    expect(key.keyFingerprint).toBe(await sshFingerprint(publicBlob));

    const pem = key.privateKey.trim().split("\n");
    expect(pem[0]).toBe("-----BEGIN OPENSSH PRIVATE KEY-----");
    expect(pem.at(-1)).toBe("-----END OPENSSH PRIVATE KEY-----");
    expect(pem.slice(1, -1).every((l) => l.length <= 70)).toBe(true);
    const r = reader(fromBase64(pem.slice(1, -1).join("")));
    expect(text(r.raw(15))).toBe("openssh-key-v1\0");
    expect([text(r.string()), text(r.string()), r.string().length, r.uint32()]).toEqual(["none", "none", 0, 1]);
    expect(r.string()).toEqual(publicBlob);
    const section = r.string();
    expect(section.length % 8).toBe(0);
    const s = reader(section);
    expect(s.uint32()).toBe(s.uint32());
    expect(text(s.string())).toBe("ssh-ed25519");
    const pub = s.string();
    const secret = s.string();
    expect(text(s.string())).toBe("me@host");
    expect(secret.slice(32)).toEqual(pub);

    // The seed, back in PKCS#8, must sign what the public key verifies.
    const pkcs8 = concatBytes(fromBase64("MC4CAQAwBQYDK2VwBCIEIA=="), secret.slice(0, 32));
    const privateKey = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
    const publicKey = await crypto.subtle.importKey("raw", new Uint8Array(pub), { name: "Ed25519" }, false, ["verify"]);
    const message = new TextEncoder().encode("hello");
    const signature = await crypto.subtle.sign("Ed25519", privateKey, message);
    expect(await crypto.subtle.verify("Ed25519", publicKey, signature, message)).toBe(true);
  });

  it("makes a different key each time", async () => {
    expect((await generateSshKey()).publicKey).not.toBe((await generateSshKey()).publicKey);
  });
});
