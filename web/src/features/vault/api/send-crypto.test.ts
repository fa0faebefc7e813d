import { describe, expect, it } from "vitest";
import { toBase64, utf8Encode } from "../../../lib/crypto/bytes";
import { decryptToString } from "../../../lib/crypto/enc-string";
import { symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { fromHex } from "../../../lib/crypto/vectors.test-support";
import { decryptFile } from "./attachment-api";
import { deriveSendKey, deriveShareableKey, fromBase64Url, hashSendPassword, sendLink, toBase64Url } from "./send-crypto";

// Key material 00..0f. The expected values were computed with Node's own crypto (hkdfSync, pbkdf2Sync,
// createCipheriv), an implementation independent of the WebCrypto code under test.
const keyMaterial = fromHex("000102030405060708090a0b0c0d0e0f");
const sendKey = "BjqVWhwBtOGqy3zTWckZssthBBwMBclMDrdvuanhRLP77KB03hQ3oaIzCtKDMTir874lYaOjCuHzPhXhovfKBA==";

describe("Send crypto, as Bitwarden's clients do it", () => {
  it("derives shareable keys as the Bitwarden SDK's published vectors say", async () => {
    // bitwarden/sdk: crates/bitwarden-crypto/src/keys/shareable_key.rs, test_derive_shareable_key
    expect(toBase64(symmetricKeyToBytes(await deriveShareableKey(utf8Encode("&/$%F1a895g67HlX"), "test_key"))))
      .toBe("4PV6+PcmF2w7YHRatvyMcVQtI7zvCyssv/wFWmzjiH6Iv9altjmDkuBD1aagLVaLezbthbSe+ktR+U6qswxNnQ==");
    expect(toBase64(symmetricKeyToBytes(await deriveShareableKey(utf8Encode("67t9b5g67$%Dh89n"), "test_key", "test"))))
      .toBe("F9jVQmrACGx9VUPjuzfMYDjr726JtL300Y3Yg+VYUnVQtQ1s8oImJ5xtp1KALC9h2nav04++1LDW4iFD+infng==");
  });

  it("derives the Send key with salt bitwarden-send and info send (HKDF-SHA256, RFC 5869)", async () => {
    expect(toBase64(symmetricKeyToBytes(await deriveSendKey(keyMaterial)))).toBe(sendKey);
  });

  it("decrypts a name and a file encrypted under that key", async () => {
    const key = await deriveSendKey(keyMaterial);
    expect(await decryptToString("2.EBESExQVFhcYGRobHB0eHw==|N3E/KBrY+M3ykYOFJXGYRw==|NaVyH42pH3ilLxxdoFBXHlq8vLUcFjusttnRLB5g/rU=", key))
      .toBe("Wi-Fi password");
    const file = Uint8Array.from(atob("AhAREhMUFRYXGBkaGxwdHh9YB9Qd9F0Qk6+GWiPWgmKsFCo1K/w7e4EFbb5BdiGs8xrq4QznThGEXdOUfPfc33I="), (c) => c.charCodeAt(0));
    expect(new TextDecoder().decode(await decryptFile(file, key))).toBe("file body\n");
  });

  it("hashes a Send password with PBKDF2-SHA256, 100,000 iterations, salted with the key material", async () => {
    expect(await hashSendPassword("correct horse", keyMaterial)).toBe("V/LC8HOXSNUWQZsGKohGZjI8WD6krhZVBKgfe1PGKgk=");
  });

  it("opens a Send made by the official CLI (bw send 2026.9.0 against this server): its link, name, text and password", async () => {
    // `bw send -n "Wi-Fi" --password "open sesame" "router: tr0ub4dor&3 ✓"` printed this link; the server's access
    // route returned these EncStrings and accepted this password hash (which the CLI made on creation).
    const link = "https://127.0.0.1:40033/#/send/AlCiAXWhxXuf7rcRJuZZlQ/jcumUwGIYQeQZTyEddt04A";
    const material = fromBase64Url(link.split("/").at(-1)!);
    const key = await deriveSendKey(material);
    expect(await decryptToString("2.jaVV4qeDkV+KQHTTPOoySg==|KZ4m3XYljfrFTkOUnOXz1w==|M0MbfimDc2hxnj2zdA2SSORVanWmUXGNI9t7n6YvPW4=", key))
      .toBe("Wi-Fi");
    expect(await decryptToString("2.tc7Qx1Ph5fAb9gwQYDWZuQ==|hSTxpOFoC+ZxoeSbQAYNDvvnNb36cjZPUTu4bS3qsE4=|EJOyzArNpuo8m/Nay1HsugnfGRgP+HjcH2z2RqlsnNc=", key))
      .toBe("router: tr0ub4dor&3 ✓");
    expect(await hashSendPassword("open sesame", material)).toBe("cow828o/jF2W44WaoPOrPfD26pgVZgejNEi0BUmgdJY=");
  });

  it("puts the key material in the link's fragment as unpadded base64url, and reads it back", () => {
    const material = fromHex("fbff00fe0102030405060708090a0bfc");
    const link = sendLink("https://vault.example/", "AQIDBAUGBwgJCgsMDQ4PEA", material);
    expect(link).toBe("https://vault.example/#/send/AQIDBAUGBwgJCgsMDQ4PEA/-_8A_gECAwQFBgcICQoL_A");
    expect(toBase64Url(fromBase64Url(link.split("/").at(-1)!))).toBe(toBase64Url(material));
    expect(fromBase64Url("-_8A_gECAwQFBgcICQoL_A")).toEqual(material);
  });
});
