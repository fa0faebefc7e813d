import type { ApiClient } from "../../../lib/api-client";
import { encrypt } from "../../../lib/crypto/enc-string";
import { hashMasterPassword, makeMasterKey, stretchMasterKey, type KdfConfig } from "../../../lib/crypto/kdf";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";

/**
 * After an admin recovered the account, the member replaces the temporary password: the same user key, wrapped under
 * the master key of the password they choose (their KDF, their email as salt). The server then ends every session.
 */
export async function updateTempPassword(client: ApiClient, email: string, kdf: KdfConfig, userKey: SymmetricKey, newPassword: string): Promise<void> {
  const masterKey = await makeMasterKey(newPassword, email, kdf);
  try {
    await client.request("/api/accounts/update-temp-password", {
      method: "PUT",
      json: {
        newMasterPasswordHash: await hashMasterPassword(masterKey, newPassword),
        key: await encrypt(symmetricKeyToBytes(userKey), await stretchMasterKey(masterKey)),
        masterPasswordHint: null,
      },
    });
  } finally {
    masterKey.fill(0);
  }
}
