import { describe, expect, it } from "vitest";
import { fromBase64, toBase64 } from "./bytes";
import { makeRegistrationMaterial, unlockUserKey } from "./account-keys";
import { decrypt } from "./enc-string";
import { makeMasterKey } from "./kdf";
import { KeyStore } from "./key-store";
import { rsaDecrypt, rsaEncrypt } from "./rsa";
import { symmetricKeyToBytes } from "./symmetric-key";
import { sharedVectors } from "./vectors.test-support";

describe("registration material", () => {
  it("wraps the user key under the master key and the private key under the user key", async () => {
    const kdf = { type: 0, iterations: 5000 } as const;
    const m = await makeRegistrationMaterial("pw", "New@Example.com", kdf);
    const masterKey = await makeMasterKey("pw", "new@example.com", kdf);
    const userKey = await unlockUserKey(m.key, masterKey);
    expect(symmetricKeyToBytes(userKey)).toEqual(symmetricKeyToBytes(m.userKey));
    const privateKey = await decrypt(m.encryptedPrivateKey, userKey);
    expect(privateKey).toEqual(m.privateKey);
    const wrapped = await rsaEncrypt(new Uint8Array([7, 8, 9]), fromBase64(m.publicKey));
    expect(await rsaDecrypt(wrapped, privateKey)).toEqual(new Uint8Array([7, 8, 9]));
  });

  it("unlocks the shared protected user key", async () => {
    const pv = sharedVectors.protectedUserKey;
    const userKey = await unlockUserKey(pv.encString, fromBase64(sharedVectors.kdf[0]!.masterKey));
    expect(toBase64(symmetricKeyToBytes(userKey))).toBe(pv.userKey);
  });
});

describe("KeyStore", () => {
  it("zero-fills and drops the keys on lock", async () => {
    const store = new KeyStore();
    const m = await makeRegistrationMaterial("pw", "a@b.c", { type: 0, iterations: 1000 });
    let changes = 0;
    store.subscribe(() => changes++);
    store.unlock({ email: "a@b.c", userKey: m.userKey, privateKey: m.privateKey });
    expect(store.isUnlocked).toBe(true);
    expect(store.email).toBe("a@b.c");
    const { encKey, macKey } = store.userKey;
    store.lock();
    expect(store.isUnlocked).toBe(false);
    expect(encKey.every((b) => b === 0)).toBe(true);
    expect(macKey.every((b) => b === 0)).toBe(true);
    expect(m.privateKey.every((b) => b === 0)).toBe(true);
    expect(() => store.userKey).toThrow(/locked/);
    expect(changes).toBe(2);
  });
});
