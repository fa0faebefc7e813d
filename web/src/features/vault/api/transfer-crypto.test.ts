import { describe, expect, it } from "vitest";
import { fromBase64, utf8Decode } from "../../../lib/crypto/bytes";
import { decrypt, parseEncString } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyFromBytes, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { sharedVectors } from "../../../lib/crypto/vectors.test-support";
import { decryptCipher, encryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { CipherType, emptyCipher, FieldType, type CipherWire } from "../../../lib/ciphers/cipher-types";
import { decryptFile, encryptFile } from "./attachment-api";
import { reencryptAttachment, reencryptForOrganization } from "./transfer-crypto";

const userId = "11111111-1111-1111-1111-111111111111";
const source = "22222222-2222-2222-2222-222222222222";
const target = "33333333-3333-3333-3333-333333333333";

function toWire(request: Awaited<ReturnType<typeof encryptCipher>>, id: string): CipherWire {
  return { ...request, id, collectionIds: [], edit: true, viewPassword: true, revisionDate: "2026-01-01T00:00:00Z",
    creationDate: "2026-01-01T00:00:00Z", deletedDate: null } as unknown as CipherWire;
}

/** An item of the source client as the vault holds it: encrypted under client A's key, then decrypted. */
async function sourceItem(keyA: ReturnType<typeof makeUserKey>, withItemKey: boolean) {
  const view = { ...emptyCipher(CipherType.Login), organizationId: source, name: "Router", notes: "rack 2", itemKey: withItemKey ? makeUserKey() : null,
    fields: [{ type: FieldType.Hidden, name: "PIN", value: "4242", linkedId: null }],
    passwordHistory: [{ password: "old-pass", lastUsedDate: "2025-01-01T00:00:00.000Z" }] };
  view.login = { ...view.login, username: "admin", password: "s3cret", totp: "JBSWY3DPEHPK3PXP", uris: [{ uri: "https://router.example", match: null }] };
  return decryptCipher(toWire(await encryptCipher(view, keyA, userId), "source-id"), keyA);
}

describe("copying an item to another client", () => {
  for (const withItemKey of [false, true]) {
    it(`re-encrypts every field under the target's key only (source ${withItemKey ? "with" : "without"} an item key)`, async () => {
      const keyA = makeUserKey();
      const keyB = makeUserKey();
      const original = await sourceItem(keyA, withItemKey);

      const { request, itemKey } = await reencryptForOrganization(original, keyA, target, keyB, userId);
      const copy = await decryptCipher(toWire(request, "copy-id"), keyB);

      expect(copy.decryptionFailed).toBe(false);
      expect(copy.organizationId).toBe(target);
      expect({ name: copy.name, notes: copy.notes, login: copy.login, fields: copy.fields, history: copy.passwordHistory })
        .toEqual({ name: original.name, notes: original.notes, login: original.login, fields: original.fields, history: original.passwordHistory });
      // A fresh item key, wrapped by B's key: the copy shares no key with the original, and A's key opens nothing of it.
      expect(symmetricKeyToBytes(copy.itemKey!)).toEqual(symmetricKeyToBytes(itemKey));
      if (original.itemKey) expect(symmetricKeyToBytes(itemKey)).not.toEqual(symmetricKeyToBytes(original.itemKey));
      expect((await decryptCipher(toWire(request, "copy-id"), keyA)).decryptionFailed).toBe(true);
      expect(request.folderId).toBeNull();
      expect(request.favorite).toBe(false);
    });
  }

  it("keeps an attachment's bytes and re-wraps its own key for the copy", async () => {
    const [sourceItemKey, targetItemKey, fileKey] = [makeUserKey(), makeUserKey(), makeUserKey()];
    const plain = new TextEncoder().encode("network diagram");
    const file = await encryptFile(plain, fileKey);

    const copy = await reencryptAttachment({ id: "a", fileName: "diagram.pdf", key: fileKey, sizeName: "15 Bytes" }, file, sourceItemKey, targetItemKey);

    expect(copy.file).toEqual(file);
    const unwrapped = symmetricKeyFromBytes(await decrypt(copy.key, targetItemKey));
    expect(utf8Decode(await decryptFile(copy.file, unwrapped))).toBe("network diagram");
    expect(utf8Decode(await decrypt(copy.fileName, targetItemKey))).toBe("diagram.pdf");
    await expect(decrypt(copy.key, sourceItemKey)).rejects.toThrow();
  });

  it("gives an old attachment under the item's own key a new key and new bytes (known answer)", async () => {
    // The shared vector as a file: its known ciphertext under its known key, laid out as an EncArrayBuffer.
    const v = sharedVectors.encString;
    const sourceItemKey = symmetricKeyFromBytes(fromBase64(v.key));
    const parsed = parseEncString(v.encString);
    if (parsed.type !== 2) throw new Error("vector is not type 2");
    const file = new Uint8Array([2, ...parsed.iv, ...parsed.mac, ...parsed.data]);
    const targetItemKey = makeUserKey();

    const copy = await reencryptAttachment({ id: "a", fileName: "note.txt", key: null, sizeName: "1 KB" }, file, sourceItemKey, targetItemKey);

    expect(copy.file).not.toEqual(file);
    const fileKey = symmetricKeyFromBytes(await decrypt(copy.key, targetItemKey));
    expect(utf8Decode(await decryptFile(copy.file, fileKey))).toBe(v.plaintext);
    await expect(decryptFile(copy.file, sourceItemKey)).rejects.toThrow();
  });
});
