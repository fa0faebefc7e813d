import { describe, expect, it } from "vitest";
import { utf8Encode } from "./bytes";
import { fingerprintPhrase } from "./fingerprint";

describe("fingerprintPhrase", () => {
  it("matches an answer computed independently (Python hashlib/hmac) for a fixed key and user id", async () => {
    const key = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), ...utf8Encode("custodian")]);
    expect(await fingerprintPhrase("ae0b9c2d-6a4f-4b1e-9f3a-2c1d0e9f8a7b", key)).toBe(
      "irritate-scuff-blooper-excuse-autism",
    );
  });

  it("differs for another user id with the same key", async () => {
    const key = utf8Encode("same key");
    expect(await fingerprintPhrase("a", key)).not.toBe(await fingerprintPhrase("b", key));
  });
});
