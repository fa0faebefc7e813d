import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { constantTimeEqual, fromBase64, utf8Encode } from "../../../lib/crypto/bytes";
import { decrypt, decryptToString } from "../../../lib/crypto/enc-string";
import { rsaDecrypt, rsaEncrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyFromBytes, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { keyStore, logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { ids, startProviderSession } from "../components/provider-fixture.test-support";
import { addExistingClient, clientListPath, createClient } from "./provider-clients-api";

afterEach(() => logOut());

describe("client list query", () => {
  it("sends search, sort and paging as ProviderClientEndpoints.List reads them", () => {
    const path = clientListPath(ids.provider, { search: " Wood grove ", sort: "-created", after: "tok/en+", pageSize: 50 });
    const url = new URL(path, "http://x");
    expect(url.pathname).toBe(`/api/providers/${ids.provider}/organizations`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ search: "Wood grove", sort: "-created", continuationToken: "tok/en+", pageSize: "50" });
  });

  it("leaves out an empty search, and the token on the first page", () => {
    expect(clientListPath(ids.provider, { search: "  ", sort: "name", after: null, pageSize: 50 })).not.toMatch(/search|continuationToken/);
  });
});

describe("create client", () => {
  it("makes the org's keys here and sends the org key wrapped with the provider key", async () => {
    const providerKey = makeUserKey();
    let body: Record<string, unknown> = {};
    server.use(http.post(`/api/providers/${ids.provider}/clients`, async ({ request }) => {
      body = (await request.json()) as Record<string, unknown>;
      return new HttpResponse(null, { status: 200 });
    }));

    await createClient(ids.provider, providerKey, { name: " Woodgrove ", ownerEmail: "owner@woodgrove.test", planType: 19, seats: 12, collectionName: "Shared" });

    expect(body).toMatchObject({ name: "Woodgrove", ownerEmail: "owner@woodgrove.test", planType: 19, seats: 12 });
    const orgKeyBytes = await decrypt(body.key as string, providerKey);
    expect(orgKeyBytes.length).toBe(64);
    const orgKey = symmetricKeyFromBytes(orgKeyBytes);
    const pair = body.keyPair as { publicKey: string; encryptedPrivateKey: string };
    const privateKey = await decrypt(pair.encryptedPrivateKey, orgKey);
    // The private key under the org key belongs to the public key sent beside it.
    const probe = utf8Encode("probe");
    expect(constantTimeEqual(await rsaDecrypt(await rsaEncrypt(probe, fromBase64(pair.publicKey)), privateKey), probe)).toBe(true);
    expect(await decryptToString(body.collectionName as string, orgKey)).toBe("Shared");
    expect(JSON.stringify(body)).not.toContain("Shared");
  });
});

describe("add existing organization", () => {
  it("wraps the org key the user holds as a member with the provider key", async () => {
    const session = await startProviderSession();
    const orgKey = makeUserKey();
    keyStore.setOrgKey(ids.org, orgKey);
    let body: { organizationId?: string; key?: string } = {};
    server.use(http.post(`/api/providers/${ids.provider}/clients/existing`, async ({ request }) => {
      body = (await request.json()) as typeof body;
      return new HttpResponse(null, { status: 200 });
    }));

    await addExistingClient(ids.provider, session.providerKey, ids.org);

    expect(body.organizationId).toBe(ids.org);
    expect(constantTimeEqual(await decrypt(body.key!, session.providerKey), symmetricKeyToBytes(orgKey))).toBe(true);
  });

  it("refuses an org whose key the user does not hold", async () => {
    const session = await startProviderSession();
    await expect(addExistingClient(ids.provider, session.providerKey, ids.org)).rejects.toThrow(/no key/);
  });
});
