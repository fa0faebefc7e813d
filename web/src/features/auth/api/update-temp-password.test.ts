import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../../../lib/api-client";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { hashMasterPassword, makeMasterKey } from "../../../lib/crypto/kdf";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { updateTempPassword } from "./update-temp-password";

afterEach(() => vi.unstubAllGlobals());

describe("updateTempPassword", () => {
  it("sends the new password's hash and the same user key wrapped under its master key", async () => {
    let sent: { url: string; method?: string; body: { newMasterPasswordHash: string; key: string } } | null = null;
    vi.stubGlobal("fetch", vi.fn(async (url: string, init: RequestInit) => {
      sent = { url, method: init.method, body: JSON.parse(init.body as string) };
      return new Response(null, { status: 200 });
    }));
    const userKey = makeUserKey();
    const kdf = { type: 0, iterations: 5000 } as const;

    await updateTempPassword(new ApiClient(), "ann@example.com", kdf, userKey, "the member's own password");

    expect(sent!.url).toBe("/api/accounts/update-temp-password");
    expect(sent!.method).toBe("PUT");
    const masterKey = await makeMasterKey("the member's own password", "ann@example.com", kdf);
    expect(sent!.body.newMasterPasswordHash).toBe(await hashMasterPassword(masterKey, "the member's own password"));
    expect(Array.from(symmetricKeyToBytes(await unlockUserKey(sent!.body.key, masterKey)))).toEqual(Array.from(symmetricKeyToBytes(userKey)));
  }, 60_000);
});
