import { encrypt } from "../../../lib/crypto/enc-string";
import { toBase64 } from "../../../lib/crypto/bytes";
import { generateRsaKeyPair } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { apiClient } from "../../../lib/session";
import { wrapToSelf } from "../../../lib/wrap-to-self";

export interface NewOrganization {
  name: string;
  billingEmail: string;
  collectionName: string;
}

/** Self-hosted: every feature on (Bitwarden's Enterprise plan), seats unlimited unless an admin sets them. */
const enterpriseAnnually = 20;

/**
 * A new org as the official web vault makes one: a fresh org key wrapped to the creator, the org's key pair with
 * its private half under the org key, and the first collection's name under the org key. Returns the org's id.
 */
export async function createOrganization(userId: string, input: NewOrganization): Promise<string> {
  const orgKey = makeUserKey();
  const orgKeyBytes = symmetricKeyToBytes(orgKey);
  try {
    const pair = await generateRsaKeyPair();
    const body = {
      name: input.name.trim(),
      billingEmail: input.billingEmail.trim(),
      planType: enterpriseAnnually,
      key: await wrapToSelf(userId, orgKeyBytes),
      keys: { publicKey: toBase64(pair.publicKeySpki), encryptedPrivateKey: await encrypt(pair.privateKeyPkcs8, orgKey) },
      collectionName: input.collectionName.trim() ? await encrypt(input.collectionName.trim(), orgKey) : null,
    };
    pair.privateKeyPkcs8.fill(0);
    return (await apiClient.post<{ id: string }>("/api/organizations", body)).id;
  } finally {
    orgKeyBytes.fill(0);
    orgKey.encKey.fill(0);
    orgKey.macKey.fill(0);
  }
}
