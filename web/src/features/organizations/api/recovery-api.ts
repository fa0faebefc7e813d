import { decrypt, encrypt } from "../../../lib/crypto/enc-string";
import { hashMasterPassword, KdfType, makeMasterKey, stretchMasterKey, type KdfConfig } from "../../../lib/crypto/kdf";
import { rsaDecrypt } from "../../../lib/crypto/rsa";
import { apiClient } from "../../../lib/session";
import { requireOrgKey } from "./collections-api";

interface ResetPasswordDetails {
  kdf: number;
  kdfIterations: number;
  kdfMemory: number | null;
  kdfParallelism: number | null;
  resetPasswordKey: string;
  encryptedPrivateKey: string;
}

const users = (orgId: string) => `/api/organizations/${orgId}/users`;

/**
 * Account recovery, all in this browser: the org private key is unwrapped with the org key, the member's user key with
 * the org private key, and re-wrapped under the master key derived from the new password with the member's KDF.
 * The server receives only the new password hash and the re-wrapped key.
 */
export async function recoverAccount(orgId: string, memberId: string, email: string, newPassword: string): Promise<void> {
  const orgKey = await requireOrgKey(orgId);
  const details = await apiClient.get<ResetPasswordDetails>(`${users(orgId)}/${memberId}/reset-password-details`);
  const orgPrivateKey = await decrypt(details.encryptedPrivateKey, orgKey);
  const userKey = await rsaDecrypt(details.resetPasswordKey, orgPrivateKey);
  const kdf: KdfConfig = details.kdf === KdfType.Argon2id
    ? { type: KdfType.Argon2id, iterations: details.kdfIterations, memory: details.kdfMemory ?? 64, parallelism: details.kdfParallelism ?? 4 }
    : { type: KdfType.Pbkdf2Sha256, iterations: details.kdfIterations };
  const masterKey = await makeMasterKey(newPassword, email, kdf);
  await apiClient.request(`${users(orgId)}/${memberId}/reset-password`, {
    method: "PUT",
    json: { newMasterPasswordHash: await hashMasterPassword(masterKey, newPassword), key: await encrypt(userKey, await stretchMasterKey(masterKey)) },
  });
}
