import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, utf8Decode } from "./bytes";
import { CryptoError, decrypt, decryptToString, encrypt, formatEncString, parseEncString } from "./enc-string";
import { makeUserKey, symmetricKeyFromBytes } from "./symmetric-key";
import { fromHex, publishedVectors, sharedVectors } from "./vectors.test-support";

const v = sharedVectors.encString;
const key = symmetricKeyFromBytes(fromBase64(v.key));

describe("EncString type 2", () => {
  it("encrypts with a fixed iv exactly as the C# helper does", async () => {
    expect(await encrypt(v.plaintext, key, fromBase64(v.iv))).toBe(v.encString);
  });

  it("decrypts the shared vector", async () => {
    expect(await decryptToString(v.encString, key)).toBe(v.plaintext);
  });

  it.each(publishedVectors.encString)("matches the published vector", async (p) => {
    const k = symmetricKeyFromBytes(fromHex(p.keyHex));
    expect(await encrypt(p.plaintext, k, fromHex(p.ivHex))).toBe(p.encString);
    expect(await decryptToString(p.encString, k)).toBe(p.plaintext);
  });

  it("unwraps the protected user key with the stretched master key", async () => {
    const pv = sharedVectors.protectedUserKey;
    const kdf = sharedVectors.kdf.find((k) => k.name === pv.kdf)!;
    const stretched = { encKey: fromBase64(kdf.stretchedEncKey), macKey: fromBase64(kdf.stretchedMacKey) };
    expect(await encrypt(fromBase64(pv.userKey), stretched, fromBase64(pv.iv))).toBe(pv.encString);
    expect(toBase64(await decrypt(pv.encString, stretched))).toBe(pv.userKey);
  });

  it("round-trips bytes and strings with a random iv", async () => {
    const k = makeUserKey();
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const a = await encrypt(bytes, k);
    const b = await encrypt(bytes, k);
    expect(a).not.toBe(b);
    expect(await decrypt(a, k)).toEqual(bytes);
    expect(utf8Decode(await decrypt(await encrypt("", k), k))).toBe("");
  });

  it("parse and format are inverse", () => {
    expect(formatEncString(parseEncString(v.encString))).toBe(v.encString);
  });

  it("rejects a wrong key with a MAC error", async () => {
    await expect(decrypt(v.encString, makeUserKey())).rejects.toThrow(/MAC mismatch/);
  });

  it.each([
    ["ciphertext", 1],
    ["iv", 0],
    ["mac", 2],
  ] as const)("rejects a tampered %s", async (_, index) => {
    const parts = v.encString.slice(2).split("|");
    const bytes = fromBase64(parts[index]!);
    bytes[0]! ^= 1;
    parts[index] = toBase64(bytes);
    await expect(decrypt(`2.${parts.join("|")}`, key)).rejects.toThrow(CryptoError);
  });

  it.each([
    ["", /missing type/],
    ["2.abc", /three parts/],
    ["2.!!!!|AAAA|AAAA", /not base64/],
    ["2.AAAA|AAAA|AAAA", /wrong iv, data or mac length/],
    ["9.AAAA", /Unsupported EncString type 9/],
    ["4.AAAA|AAAA", /one part/],
  ])("rejects malformed %j", async (text, message) => {
    await expect(decrypt(text, key)).rejects.toThrow(message);
  });

  it("refuses type 4 where type 2 is expected", async () => {
    await expect(decrypt(sharedVectors.rsa.encString, key)).rejects.toThrow(/Expected a type 2/);
  });
});
