import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./bytes";
import { hashMasterPassword, hkdfExpand, makeMasterKey, stretchMasterKey, type KdfConfig } from "./kdf";
import { fromHex, publishedVectors, sharedVectors, toHex, type KdfVector } from "./vectors.test-support";

function kdfConfig(v: KdfVector): KdfConfig {
  return v.kdfType === 0
    ? { type: 0, iterations: v.iterations }
    : { type: 1, iterations: v.iterations, memory: v.memory!, parallelism: v.parallelism! };
}

describe("shared vectors (C# ClientCrypto)", () => {
  it.each(sharedVectors.kdf.map((v) => [v.name, v] as const))("%s: master key, hash, stretched key", async (_, v) => {
    const masterKey = await makeMasterKey(sharedVectors.password, sharedVectors.email, kdfConfig(v));
    expect(toBase64(masterKey)).toBe(v.masterKey);
    expect(await hashMasterPassword(masterKey, sharedVectors.password)).toBe(v.masterPasswordHash);
    const stretched = await stretchMasterKey(masterKey);
    expect(toBase64(stretched.encKey)).toBe(v.stretchedEncKey);
    expect(toBase64(stretched.macKey)).toBe(v.stretchedMacKey);
  });

  it("normalizes the email (trim, lowercase) before deriving", async () => {
    const v = sharedVectors.kdf[0]!;
    const key = await makeMasterKey(sharedVectors.password, sharedVectors.email.trim().toLowerCase(), kdfConfig(v));
    expect(toBase64(key)).toBe(v.masterKey);
  });
});

describe("published vectors", () => {
  it.each(publishedVectors.masterPasswordHash)("master password hash for '$email'", async (v) => {
    const key = await makeMasterKey(v.password, v.email, { type: 0, iterations: v.iterations });
    expect(await hashMasterPassword(key, v.password)).toBe(v.hash);
  });

  it.each(publishedVectors.hkdfExpand)("HKDF-Expand RFC 5869", async (v) => {
    expect(toHex(await hkdfExpand(fromHex(v.prkHex), fromHex(v.infoHex), v.length))).toBe(v.okmHex);
  });

  it("rejects an unknown KDF type", async () => {
    await expect(makeMasterKey("p", "e", { type: 7 } as unknown as KdfConfig)).rejects.toThrow(/Unsupported KDF/);
  });

  it("stretched key differs from master key halves", async () => {
    const mk = fromBase64(sharedVectors.kdf[0]!.masterKey);
    const s = await stretchMasterKey(mk);
    expect(s.encKey).not.toEqual(s.macKey);
  });
});
