import { http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { fromBase64, toBase64 } from "../../../lib/crypto/bytes";
import { decrypt, decryptToString } from "../../../lib/crypto/enc-string";
import { generateRsaKeyPair, rsaDecrypt, rsaEncrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyFromBytes } from "../../../lib/crypto/symmetric-key";
import { keyStore } from "../../../lib/session";
import { createOrganization } from "./create-organization";

describe("createOrganization", () => {
  let me: Awaited<ReturnType<typeof generateRsaKeyPair>>;
  beforeEach(async () => {
    me = await generateRsaKeyPair();
    keyStore.unlock({ email: "me@example.com", userKey: makeUserKey(), privateKey: new Uint8Array(me.privateKeyPkcs8) });
  });

  it("wraps a new org key to the creator and encrypts the org's private key and first collection under it", async () => {
    let body: Record<string, unknown> = {};
    server.use(
      http.get("/api/users/u1/public-key", () => HttpResponse.json({ publicKey: toBase64(me.publicKeySpki) })),
      http.post("/api/organizations", async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ id: "org-1", object: "organization" });
      }),
    );
    const id = await createOrganization("u1", { name: " Contoso ", billingEmail: "b@example.com", collectionName: "Default collection" });
    expect(id).toBe("org-1");
    expect(body.name).toBe("Contoso");
    const orgKey = symmetricKeyFromBytes(await rsaDecrypt(body.key as string, me.privateKeyPkcs8));
    expect(await decryptToString(body.collectionName as string, orgKey)).toBe("Default collection");
    const keys = body.keys as { publicKey: string; encryptedPrivateKey: string };
    const orgPrivate = await decrypt(keys.encryptedPrivateKey, orgKey);
    const probe = new Uint8Array([1, 2, 3]);
    expect(await rsaDecrypt(await rsaEncrypt(probe, fromBase64(keys.publicKey)), orgPrivate)).toEqual(probe);
  });

  it("refuses to send when the server's copy of the public key is not the user's", async () => {
    const stranger = await generateRsaKeyPair();
    let posted = false;
    server.use(
      http.get("/api/users/u1/public-key", () => HttpResponse.json({ publicKey: toBase64(stranger.publicKeySpki) })),
      http.post("/api/organizations", () => ((posted = true), HttpResponse.json({ id: "x" }))),
    );
    await expect(createOrganization("u1", { name: "X", billingEmail: "b@example.com", collectionName: "" })).rejects.toThrow(/does not match/);
    expect(posted).toBe(false);
  });
});
