import { decrypt, decryptToString, encrypt } from "./enc-string";
import { symmetricKeyFromBytes, type SymmetricKey } from "./symmetric-key";
import type { Bytes } from "./bytes";

/**
 * Working on a provider's clients from the browser: a client's org key arrives wrapped with the provider key
 * (ProviderOrganization.Key), and template or bulk-job names arrive under the provider key; each is re-encrypted
 * under the client's org key here, so the server never sees a plaintext name.
 */
export async function clientOrgKey(wrappedOrgKey: string, providerKey: SymmetricKey): Promise<SymmetricKey> {
  return symmetricKeyFromBytes(await decrypt(wrappedOrgKey, providerKey));
}

/** The same text under another key; `iv` only for known-answer tests. */
export async function reencrypt(encString: string, from: SymmetricKey, to: SymmetricKey, iv?: Bytes): Promise<string> {
  return encrypt(await decryptToString(encString, from), to, iv);
}

/**
 * How two collection names are compared for drift, once both are decrypted: Unicode NFC (the same letters typed on
 * two systems may differ in composition), surrounding spaces dropped, case kept (Bitwarden treats "HR" and "hr" as
 * two collections). Nested names ("Clinic/Patients") compare as whole paths.
 */
export function collectionNameKey(name: string): string {
  return name.normalize("NFC").trim();
}

export interface TemplateCollectionRef {
  id: string;
  name: string;
}

/**
 * The template collections a client lacks: the template's names decrypted with the provider key, the client's with
 * its org key, compared by {@link collectionNameKey}. A client that lacks none shows no collection drift.
 */
export async function missingCollections(template: TemplateCollectionRef[], providerKey: SymmetricKey, clientNames: string[],
  orgKey: SymmetricKey): Promise<{ id: string; plaintext: string }[]> {
  const have = new Set<string>();
  for (const n of clientNames) {
    try {
      have.add(collectionNameKey(await decryptToString(n, orgKey)));
    } catch {
      // A name this key cannot open (written by another client under a stale key) counts as a different one.
    }
  }
  const missing: { id: string; plaintext: string }[] = [];
  for (const c of template) {
    const plaintext = await decryptToString(c.name, providerKey);
    if (!have.has(collectionNameKey(plaintext))) missing.push({ id: c.id, plaintext });
  }
  return missing;
}
