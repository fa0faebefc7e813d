import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { toBase64 } from "../../../lib/crypto/bytes";
import { hashMasterPassword, makeMasterKey } from "../../../lib/crypto/kdf";
import { generateRsaKeyPair, rsaDecrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { keyStore, logOut, startSession } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { setRecoveryEnrollment } from "./recovery-enrollment";

afterEach(() => logOut());

const orgId = "33333333-3333-4333-8333-333333333333";
const userId = "11111111-1111-4111-8111-111111111111";
const kdf = { type: 0, iterations: 5000 } as const;

describe("account recovery enrollment", () => {
  it("wraps the user key to the org's public key and re-confirms the master password; withdrawing sends null", async () => {
    const orgKeys = await generateRsaKeyPair();
    const userKey = makeUserKey();
    keyStore.unlock({ email: "ann@example.com", userKey });
    startSession("access-token", null, { email: "ann@example.com", kdf, protectedUserKey: "2.x", encryptedPrivateKey: null });
    const bodies: { resetPasswordKey: string | null; masterPasswordHash: string | null }[] = [];
    server.use(
      http.get(`/api/organizations/${orgId}/keys`, () => HttpResponse.json({ object: "organizationKeys", publicKey: toBase64(orgKeys.publicKeySpki), privateKey: "2.x" })),
      http.put(`/api/organizations/${orgId}/users/${userId}/reset-password-enrollment`, async ({ request }) => {
        bodies.push((await request.json()) as (typeof bodies)[number]);
        return new HttpResponse(null, { status: 200 });
      }),
      http.get("/api/accounts/profile", () => HttpResponse.json({ id: userId, name: null, email: "ann@example.com", key: null, privateKey: null, organizations: [], providers: [], providerOrganizations: [] })),
    );

    await setRecoveryEnrollment(orgId, userId, true, "ann's master password");
    await setRecoveryEnrollment(orgId, userId, false, "");

    const wrapped = await rsaDecrypt(bodies[0]!.resetPasswordKey!, orgKeys.privateKeyPkcs8);
    expect(Array.from(wrapped)).toEqual(Array.from(symmetricKeyToBytes(userKey)));
    expect(bodies[0]!.masterPasswordHash).toBe(await hashMasterPassword(await makeMasterKey("ann's master password", "ann@example.com", kdf), "ann's master password"));
    expect(bodies[1]).toEqual({ resetPasswordKey: null, masterPasswordHash: null });
  }, 60_000);
});
