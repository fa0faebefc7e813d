import { toBase64, type Bytes } from "./bytes";
import { decrypt, encrypt } from "./enc-string";
import { hashMasterPassword, makeMasterKey, stretchMasterKey, type KdfConfig } from "./kdf";
import { generateRsaKeyPair } from "./rsa";
import { makeUserKey, symmetricKeyFromBytes, symmetricKeyToBytes, type SymmetricKey } from "./symmetric-key";

/** What registration sends (hash, key, keys) plus the secrets the client keeps in memory. */
export interface RegistrationMaterial {
  masterPasswordHash: string;
  /** The user key encrypted under the stretched master key ("key" on the wire). */
  key: string;
  publicKey: string;
  encryptedPrivateKey: string;
  userKey: SymmetricKey;
  privateKey: Bytes;
}

export async function makeRegistrationMaterial(password: string, email: string, kdf: KdfConfig): Promise<RegistrationMaterial> {
  const masterKey = await makeMasterKey(password, email, kdf);
  const userKey = makeUserKey();
  const { publicKeySpki, privateKeyPkcs8 } = await generateRsaKeyPair();
  const material: RegistrationMaterial = {
    masterPasswordHash: await hashMasterPassword(masterKey, password),
    key: await encrypt(symmetricKeyToBytes(userKey), await stretchMasterKey(masterKey)),
    publicKey: toBase64(publicKeySpki),
    encryptedPrivateKey: await encrypt(privateKeyPkcs8, userKey),
    userKey,
    privateKey: privateKeyPkcs8,
  };
  masterKey.fill(0);
  return material;
}

export async function unlockUserKey(protectedUserKey: string, masterKey: Bytes): Promise<SymmetricKey> {
  const stretched = await stretchMasterKey(masterKey);
  try {
    return symmetricKeyFromBytes(await decrypt(protectedUserKey, stretched));
  } finally {
    stretched.encKey.fill(0);
    stretched.macKey.fill(0);
  }
}
