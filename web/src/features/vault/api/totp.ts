import { t } from "../../../lib/i18n/messages";

/** RFC 6238 TOTP (RFC 4226 HOTP over a time counter) with WebCrypto HMAC, plus Steam Guard's 5-character codes. */

export type TotpAlgorithm = "SHA-1" | "SHA-256" | "SHA-512";

export interface TotpParams {
  secret: Uint8Array<ArrayBuffer>;
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
  steam: boolean;
}

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const steamAlphabet = "23456789BCDFGHJKMNPQRTVWXY";

/** RFC 4648 base32, forgiving about case, spaces and padding as authenticator apps are. */
export function base32Decode(text: string): Uint8Array<ArrayBuffer> {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const index = base32Alphabet.indexOf(ch);
    if (index < 0) throw new Error(t("totp.notBase32"));
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (out.length === 0) throw new Error(t("totp.empty"));
  return new Uint8Array(out);
}

function algorithmOf(name: string | null): TotpAlgorithm {
  switch ((name ?? "SHA1").toUpperCase().replace("-", "")) {
    case "SHA256": return "SHA-256";
    case "SHA512": return "SHA-512";
    default: return "SHA-1";
  }
}

/** Reads an otpauth:// URI, a steam:// secret, or a plain base32 secret. */
export function parseTotp(value: string): TotpParams {
  const text = value.trim();
  if (/^steam:\/\//i.test(text)) {
    return { secret: base32Decode(text.slice("steam://".length)), algorithm: "SHA-1", digits: 5, period: 30, steam: true };
  }
  if (/^otpauth:\/\//i.test(text)) {
    const url = new URL(text);
    const secret = url.searchParams.get("secret");
    if (!secret) throw new Error(t("totp.uriNoSecret"));
    const digits = Number(url.searchParams.get("digits") ?? 6);
    const period = Number(url.searchParams.get("period") ?? 30);
    const steam = url.searchParams.get("encoder")?.toLowerCase() === "steam";
    return {
      secret: base32Decode(secret),
      algorithm: algorithmOf(url.searchParams.get("algorithm")),
      digits: steam ? 5 : Number.isInteger(digits) && digits >= 1 && digits <= 10 ? digits : 6,
      period: Number.isInteger(period) && period > 0 ? period : 30,
      steam,
    };
  }
  return { secret: base32Decode(text), algorithm: "SHA-1", digits: 6, period: 30, steam: false };
}

/** RFC 4226 section 5.3: HMAC of the 8-byte big-endian counter, then dynamic truncation. */
export async function hotp(secret: Uint8Array<ArrayBuffer>, counter: number, algorithm: TotpAlgorithm): Promise<number> {
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const key = await globalThis.crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: algorithm }, false, ["sign"]);
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  return new DataView(mac.buffer).getUint32(offset) & 0x7fffffff;
}

export interface TotpCode {
  code: string;
  /** Seconds until the code changes. */
  remaining: number;
  period: number;
}

export async function totpCode(params: TotpParams, nowMs: number): Promise<TotpCode> {
  const seconds = Math.floor(nowMs / 1000);
  const value = await hotp(params.secret, Math.floor(seconds / params.period), params.algorithm);
  let code: string;
  if (params.steam) {
    code = "";
    let v = value;
    for (let i = 0; i < 5; i++) {
      code += steamAlphabet[v % steamAlphabet.length];
      v = Math.floor(v / steamAlphabet.length);
    }
  } else {
    code = String(value % 10 ** params.digits).padStart(params.digits, "0");
  }
  return { code, remaining: params.period - (seconds % params.period), period: params.period };
}
