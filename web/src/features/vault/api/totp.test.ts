import { describe, expect, it } from "vitest";
import { base32Decode, hotp, parseTotp, totpCode, type TotpAlgorithm } from "./totp";

function base32Encode(bytes: Uint8Array): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + alphabet[(value << (5 - bits)) & 31] : out;
}

const ascii = (s: string) => new TextEncoder().encode(s);
const seeds: Record<TotpAlgorithm, string> = {
  "SHA-1": "12345678901234567890",
  "SHA-256": "12345678901234567890123456789012",
  "SHA-512": "1234567890123456789012345678901234567890123456789012345678901234",
};

// RFC 6238 appendix B: time (s) → 8-digit codes for SHA-1, SHA-256, SHA-512.
const vectors: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors for SHA-1, SHA-256 and SHA-512", async () => {
    for (const [time, sha1, sha256, sha512] of vectors) {
      for (const [algorithm, expected] of [["SHA-1", sha1], ["SHA-256", sha256], ["SHA-512", sha512]] as const) {
        const secret = base32Encode(ascii(seeds[algorithm]));
        const uri = `otpauth://totp/Test:a@b.c?secret=${secret}&algorithm=${algorithm.replace("-", "")}&digits=8&period=30`;
        const { code } = await totpCode(parseTotp(uri), time * 1000);
        expect(code, `${algorithm} at ${time}`).toBe(expected);
      }
    }
  });

  it("matches the RFC 4226 HOTP values for counters 0 and 9", async () => {
    const secret = new Uint8Array(ascii(seeds["SHA-1"]));
    expect((await hotp(secret, 0, "SHA-1")) % 1e6).toBe(755224);
    expect((await hotp(secret, 9, "SHA-1")) % 1e6).toBe(520489);
  });

  it("reads a plain base32 secret as SHA-1, 6 digits, 30 seconds, and counts down", async () => {
    const params = parseTotp(" gezd gnbv gy3t qojq gezd gnbv gy3t qojq ");
    expect(params).toMatchObject({ algorithm: "SHA-1", digits: 6, period: 30, steam: false });
    const result = await totpCode(params, 59_000);
    expect(result).toEqual({ code: "287082", remaining: 1, period: 30 });
    expect((await totpCode(params, 31_000)).remaining).toBe(29);
  });

  it("honours the period of an otpauth URI", async () => {
    const params = parseTotp(`otpauth://totp/x?secret=${base32Encode(ascii(seeds["SHA-1"]))}&period=60`);
    expect(params.period).toBe(60);
    // 119 s is counter 1 with a 60 s period, the same counter as 59 s with a 30 s period (RFC vector 94287082).
    expect((await totpCode(params, 119_000)).code).toBe("287082");
  });

  it("gives Steam codes of five characters from Steam's alphabet", async () => {
    const { code } = await totpCode(parseTotp(`steam://${base32Encode(ascii(seeds["SHA-1"]))}`), 59_000);
    expect(code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it("rejects secrets that are not base32", () => {
    expect(() => base32Decode("not base32!")).toThrow(/base32/);
    expect(() => parseTotp("otpauth://totp/x?issuer=y")).toThrow(/no secret/);
  });
});
