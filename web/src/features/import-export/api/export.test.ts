import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { encryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { CipherType, emptyCipher } from "../../../lib/ciphers/cipher-types";
import { makeRegistrationMaterial } from "../../../lib/crypto/account-keys";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { KdfType } from "../../../lib/crypto/kdf";
import { makeUserKey } from "../../../lib/crypto/symmetric-key";
import { server } from "../../../test/msw-server";
import { exportOrganization, verifyMasterPassword } from "./export-api";
import { parseBitwardenCsv, parseBitwardenJson } from "./import-parse";

async function serveOrg() {
  const orgKey = makeUserKey();
  const login = { ...emptyCipher(CipherType.Login), name: "Router, main", organizationId: "o1", notes: 'say "hi"\nbye' };
  login.login = { ...login.login, username: "admin", password: "s3cret", uris: [{ uri: "https://r.example", match: null }] };
  const card = { ...emptyCipher(CipherType.Card), name: "Visa", organizationId: "o1" };
  card.card = { ...card.card, number: "4111111111111111" };
  const wire = async (v: typeof login, id: string) => ({ ...(await encryptCipher(v, orgKey, "u1")), id, collectionIds: ["c1"], deletedDate: null });
  server.use(http.get("/api/organizations/o1/export", async () => HttpResponse.json({
    collections: [{ id: "c1", organizationId: "o1", name: await encrypt("Ops", orgKey), externalId: null }],
    ciphers: [await wire(login, "i1"), await wire(card, "i2")],
  })));
  return orgKey;
}

describe("export", () => {
  it("writes JSON that the importer reads back to the same items and collections", async () => {
    const parsed = parseBitwardenJson(await exportOrganization("o1", await serveOrg(), "json"));
    expect(parsed.errors).toEqual([]);
    const [router, visa] = parsed.items;
    expect(router!.cipher.login.password).toBe("s3cret");
    expect(router!.cipher.notes).toBe('say "hi"\nbye');
    expect(router!.collections).toEqual(["Ops"]);
    expect(visa!.cipher.card.number).toBe("4111111111111111");
  });

  it("writes CSV (logins and notes only) that the importer reads back", async () => {
    const parsed = parseBitwardenCsv(await exportOrganization("o1", await serveOrg(), "csv"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.items.map((i) => [i.cipher.name, i.cipher.login.username, i.collections])).toEqual([["Router, main", "admin", ["Ops"]]]);
  });

  it("keeps the encrypted export encrypted, with a check value under the org key", async () => {
    const orgKey = await serveOrg();
    const file = JSON.parse(await exportOrganization("o1", orgKey, "encrypted_json"));
    expect(file.encrypted).toBe(true);
    expect(JSON.stringify(file)).not.toContain("s3cret");
    expect(await decryptToString(file.encKeyValidation_DO_NOT_EDIT, orgKey)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("checks the master password offline before anything is exported", async () => {
    const kdf = { type: KdfType.Pbkdf2Sha256, iterations: 5000 } as const;
    const m = await makeRegistrationMaterial("the right password", "a@b.c", kdf);
    const account = { email: "a@b.c", kdf, protectedUserKey: m.key, encryptedPrivateKey: null };
    await expect(verifyMasterPassword(account, "the right password")).resolves.toBeUndefined();
    await expect(verifyMasterPassword(account, "a wrong password")).rejects.toThrow("Invalid master password.");
  });
});
