import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { ApiClient } from "../../../lib/api-client";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { hashMasterPassword, KdfType, makeMasterKey } from "../../../lib/crypto/kdf";
import { invitationFrom } from "./invitation-from";
import { register } from "./register";

const kdf = { type: KdfType.Pbkdf2Sha256, iterations: 5000 } as const;

function capture() {
  const bodies: Record<string, Record<string, unknown>> = {};
  server.use(
    http.post("/identity/accounts/register/send-verification-email", async ({ request }) => {
      bodies.verify = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json("verification-token");
    }),
    http.post("/identity/accounts/register/finish", async ({ request }) => {
      bodies.finish = (await request.json()) as Record<string, unknown>;
      return HttpResponse.json({ object: "register" });
    }),
  );
  return bodies;
}

describe("register", () => {
  const client = new ApiClient();

  it("sends the hash and wrapped keys, never the password, with the verification token", async () => {
    const bodies = capture();
    await register(client, { email: " New@Example.COM ", name: "New", password: "correct horse battery", hint: "" }, kdf);
    const f = bodies.finish!;
    expect(bodies.verify!.email).toBe("new@example.com");
    expect(f.emailVerificationToken).toBe("verification-token");
    expect(JSON.stringify(f)).not.toContain("correct horse battery");
    const masterKey = await makeMasterKey("correct horse battery", "new@example.com", kdf);
    expect(f.masterPasswordHash).toBe(await hashMasterPassword(masterKey, "correct horse battery"));
    expect((await unlockUserKey(f.userSymmetricKey as string, masterKey)).encKey).toHaveLength(32);
    expect(f.kdfIterations).toBe(5000);
    expect((f.userAsymmetricKeys as { encryptedPrivateKey: string }).encryptedPrivateKey).toMatch(/^2\./);
  });

  it("uses a provider invitation instead of verifying the address", async () => {
    const bodies = capture();
    const invitation = invitationFrom("/providers/setup-provider?providerId=p&providerUserId=pu&email=a%40b.c&token=t0k");
    await register(client, { email: "a@b.c", name: "", password: "another long password", hint: "h", invitation }, kdf);
    expect(bodies.verify).toBeUndefined();
    expect(bodies.finish).toMatchObject({ providerInviteToken: "t0k", providerUserId: "pu", masterPasswordHint: "h" });
  });

  it("reads an organization invitation from the page that sent the user, and nothing from other pages", () => {
    expect(invitationFrom("/accept-organization?organizationId=o&organizationUserId=m&token=x")).toEqual({
      kind: "organization", token: "x", organizationUserId: "m",
    });
    expect(invitationFrom("/vault?token=x")).toBeUndefined();
    expect(invitationFrom("/accept-organization?organizationId=o")).toBeUndefined();
  });
});
