import { describe, expect, it } from "vitest";
import { ApiClient } from "../../../lib/api-client";
import { makeRegistrationMaterial } from "../../../lib/crypto/account-keys";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { loginWithPassword } from "./login-with-password";

// Opt-in: CUSTODIAN_URL=http://127.0.0.1:8080 npm test runs the auth flow against a real server.
const baseUrl = process.env.CUSTODIAN_URL;

describe.skipIf(!baseUrl)("against a running Custodian", () => {
  it.each([
    ["PBKDF2", { type: 0, iterations: 600_000 }],
    ["Argon2id", { type: 1, iterations: 3, memory: 64, parallelism: 4 }],
  ] as const)("registers with %s, logs in and unlocks", async (_, kdf) => {
    const client = new ApiClient({ baseUrl });
    const email = `web-${crypto.randomUUID()}@example.com`;
    const m = await makeRegistrationMaterial("correct horse", email, kdf);
    await client.post("/identity/accounts/register", {
      email,
      masterPasswordHash: m.masterPasswordHash,
      key: m.key,
      keys: { publicKey: m.publicKey, encryptedPrivateKey: m.encryptedPrivateKey },
      kdf: kdf.type,
      kdfIterations: kdf.iterations,
      kdfMemory: "memory" in kdf ? kdf.memory : null,
      kdfParallelism: "parallelism" in kdf ? kdf.parallelism : null,
    });
    const result = await loginWithPassword(client, email.toUpperCase(), "correct horse", crypto.randomUUID());
    expect(result.keys.privateKey).toEqual(m.privateKey);
    expect(await decryptToString(await encrypt("x", m.userKey), result.keys.userKey)).toBe("x");

    await expect(loginWithPassword(client, email, "wrong password", crypto.randomUUID())).rejects.toThrow(/password/i);
  }, 30_000);
});
