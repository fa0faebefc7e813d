import { describe, expect, it } from "vitest";
import { toBase64, utf8Encode } from "../crypto/bytes";
import { decrypt, decryptToString, encrypt } from "../crypto/enc-string";
import { makeUserKey, symmetricKeyFromBytes, symmetricKeyToBytes } from "../crypto/symmetric-key";
import { decryptCipher, encryptCipher } from "./cipher-crypto";
import { CipherType, emptyCipher, FieldType, type CipherWire } from "./cipher-types";

const userId = "11111111-1111-1111-1111-111111111111";

function toWire(request: Awaited<ReturnType<typeof encryptCipher>>): CipherWire {
  return { ...request, id: "c1", collectionIds: [], edit: true, viewPassword: true, revisionDate: "2026-01-01T00:00:00Z",
    creationDate: "2026-01-01T00:00:00Z", deletedDate: null } as unknown as CipherWire;
}

describe("cipher encryption", () => {
  it("round-trips every type's values, custom fields and history", async () => {
    const key = makeUserKey();
    for (const type of Object.values(CipherType)) {
      const view = { ...emptyCipher(type), name: `Item ${type}`, notes: "line 1\nline 2",
        fields: [{ type: FieldType.Boolean, name: "On", value: "true", linkedId: null }],
        passwordHistory: [{ password: "older", lastUsedDate: "2025-01-01T00:00:00.000Z" }] };
      view.login = { ...view.login, username: "u", password: "p", totp: "JBSWY3DPEHPK3PXP", uris: [{ uri: "https://a.example", match: 3 }] };
      view.card = { ...view.card, number: "4111", code: "999" };
      view.identity = { ...view.identity, firstName: "Ann", ssn: "123-45-6789" };
      view.sshKey = { ...view.sshKey, privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----", keyFingerprint: "SHA256:x" };
      const back = await decryptCipher(toWire(await encryptCipher(view, key, userId)), key);
      expect(back.decryptionFailed).toBe(false);
      expect(back.name).toBe(`Item ${type}`);
      expect(back.notes).toBe("line 1\nline 2");
      expect(back.fields).toEqual(view.fields);
      expect(back.passwordHistory).toEqual(view.passwordHistory);
      if (type === CipherType.Login) expect(back.login).toMatchObject({ username: "u", password: "p", totp: "JBSWY3DPEHPK3PXP", uris: [{ uri: "https://a.example", match: 3 }] });
      if (type === CipherType.Card) expect(back.card).toMatchObject({ number: "4111", code: "999" });
      if (type === CipherType.Identity) expect(back.identity).toMatchObject({ firstName: "Ann", ssn: "123-45-6789" });
      if (type === CipherType.SshKey) expect(back.sshKey).toMatchObject({ keyFingerprint: "SHA256:x" });
      if (type !== CipherType.Login) expect(back.login.username).toBe("");
    }
  });

  it("sends only the object of the item's type, empty values as null, and a SHA-256 URI checksum", async () => {
    const key = makeUserKey();
    const view = { ...emptyCipher(CipherType.Login), name: "n" };
    view.login = { ...view.login, uris: [{ uri: "https://a.example", match: null }, { uri: "  ", match: null }] };
    const request = await encryptCipher(view, key, userId);
    expect(request.card).toBeUndefined();
    expect(request.notes).toBeNull();
    expect(request.login?.username).toBeNull();
    expect(request.login?.uris).toHaveLength(1);
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8Encode("https://a.example")));
    expect(await decryptToString(request.login!.uris![0]!.uriChecksum!, key)).toBe(toBase64(digest));
  });

  it("uses an item's own key for its values and wraps it with the owner's key", async () => {
    const orgKey = makeUserKey();
    const itemKey = makeUserKey();
    const request = await encryptCipher({ ...emptyCipher(CipherType.SecureNote), name: "Secret", itemKey }, orgKey, userId);
    expect(symmetricKeyToBytes(symmetricKeyFromBytes(await decrypt(request.key!, orgKey)))).toEqual(symmetricKeyToBytes(itemKey));
    expect(await decryptToString(request.name, itemKey)).toBe("Secret");
    await expect(decryptToString(request.name, orgKey)).rejects.toThrow();
    const back = await decryptCipher(toWire(request), orgKey);
    expect(back.name).toBe("Secret");
    expect(back.itemKey).not.toBeNull();
  });

  it("marks an item it cannot decrypt instead of failing the vault", async () => {
    const wire = toWire(await encryptCipher({ ...emptyCipher(), name: "x" }, makeUserKey(), userId));
    const view = await decryptCipher(wire, makeUserKey());
    expect(view).toMatchObject({ decryptionFailed: true, name: "Decryption error", edit: false });
    expect((await decryptCipher(wire, undefined)).decryptionFailed).toBe(true);
  });

  it("re-encrypts passkeys it does not edit when an item moves to an org key", async () => {
    const userKey = makeUserKey();
    const orgKey = makeUserKey();
    const credential = { credentialId: await encrypt("cred-1", userKey), counter: await encrypt("0", userKey), creationDate: "2026-01-01T00:00:00Z" };
    const view = { ...emptyCipher(CipherType.Login), name: "Passkey site" };
    view.wire = { login: { fido2Credentials: [credential] } } as unknown as CipherWire;
    const shared = await encryptCipher({ ...view, organizationId: "o" }, orgKey, userId, userKey);
    const [moved] = shared.login!.fido2Credentials as (typeof credential)[];
    expect(await decryptToString(moved!.credentialId, orgKey)).toBe("cred-1");
    expect(moved!.creationDate).toBe("2026-01-01T00:00:00Z");
    const kept = await encryptCipher(view, userKey, userId);
    expect(kept.login!.fido2Credentials).toEqual([credential]);
  });
});
