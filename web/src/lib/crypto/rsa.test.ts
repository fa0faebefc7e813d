import { describe, expect, it } from "vitest";
import { fromBase64, toBase64, utf8Decode, utf8Encode } from "./bytes";
import { rsaDecrypt, rsaEncrypt, generateRsaKeyPair } from "./rsa";
import { sharedVectors } from "./vectors.test-support";

const v = sharedVectors.rsa;

describe("RSA-OAEP-SHA1 (type 4)", () => {
  it("decrypts the C#-made vector with its fixed PKCS#8 key", async () => {
    expect(utf8Decode(await rsaDecrypt(v.encString, fromBase64(v.privateKeyPkcs8)))).toBe(v.plaintext);
  });

  it("encrypts to the fixed SPKI key so the fixed private key decrypts", async () => {
    const enc = await rsaEncrypt(utf8Encode("org key"), fromBase64(v.publicKeySpki));
    expect(enc.startsWith("4.")).toBe(true);
    expect(utf8Decode(await rsaDecrypt(enc, fromBase64(v.privateKeyPkcs8)))).toBe("org key");
  });

  it("generates a 2048-bit pair that round-trips", async () => {
    const pair = await generateRsaKeyPair();
    expect(toBase64(pair.publicKeySpki).startsWith("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A")).toBe(true);
    const data = crypto.getRandomValues(new Uint8Array(64));
    expect(await rsaDecrypt(await rsaEncrypt(data, pair.publicKeySpki), pair.privateKeyPkcs8)).toEqual(data);
  });

  it("fails clearly with the wrong private key or tampered data", async () => {
    const other = await generateRsaKeyPair();
    await expect(rsaDecrypt(v.encString, other.privateKeyPkcs8)).rejects.toThrow(/RSA decryption failed/);
    const bytes = fromBase64(v.encString.slice(2));
    bytes[10]! ^= 1;
    await expect(rsaDecrypt(`4.${toBase64(bytes)}`, fromBase64(v.privateKeyPkcs8))).rejects.toThrow(/RSA decryption failed/);
  });
});
