import { describe, expect, it } from "vitest";
import { fromBase64 } from "./bytes";
import { clientOrgKey, collectionNameKey, missingCollections, reencrypt } from "./client-rewrap";
import { encrypt } from "./enc-string";
import { symmetricKeyFromBytes, symmetricKeyToBytes } from "./symmetric-key";
import { fromHex, publishedVectors, sharedVectors } from "./vectors.test-support";

// The shared vector's key stands for the provider key, the published vector's for a client's org key.
const provider = symmetricKeyFromBytes(fromBase64(sharedVectors.encString.key));
const published = publishedVectors.encString[0]!;
const org = symmetricKeyFromBytes(fromHex(published.keyHex));

describe("client re-wrapping", () => {
  it("re-encrypts a name from the provider key to the org key with the known answer", async () => {
    const underProvider = await encrypt(published.plaintext, provider, fromBase64(sharedVectors.encString.iv));
    expect(await reencrypt(underProvider, provider, org, fromHex(published.ivHex))).toBe(published.encString);
  });

  it("reaches the org key through the provider key", async () => {
    const wrapped = await encrypt(symmetricKeyToBytes(org), provider, fromBase64(sharedVectors.encString.iv));
    expect(symmetricKeyToBytes(await clientOrgKey(wrapped, provider))).toEqual(fromHex(published.keyHex));
  });

  it("compares names after NFC and trimming, keeping case", () => {
    expect(collectionNameKey(" Caf\u0065\u0301 ")).toBe(collectionNameKey("Caf\u00e9"));
    expect(collectionNameKey("HR")).not.toBe(collectionNameKey("hr"));
  });

  it("finds the template collections a client lacks, whatever the encryption", async () => {
    const template = [
      { id: "a", name: await encrypt("Patients", provider) },
      { id: "b", name: await encrypt("Billing", provider) },
    ];
    const client = [await encrypt(" Patients", org), await encrypt("Other", org), "2.bm90|YQ==|bWFj"];
    expect(await missingCollections(template, provider, client, org)).toEqual([{ id: "b", plaintext: "Billing" }]);
  });
});
