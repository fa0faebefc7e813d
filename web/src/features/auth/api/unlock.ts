import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { CryptoError, decrypt } from "../../../lib/crypto/enc-string";
import { makeMasterKey } from "../../../lib/crypto/kdf";
import type { UnlockedKeys } from "../../../lib/crypto/key-store";
import type { AccountState } from "../../../lib/session";
import { t } from "../../../lib/i18n/messages";

/** Unlock offline, as the official clients do: a wrong password fails the MAC check of the protected user key. */
export async function unlockWithPassword(account: AccountState, password: string): Promise<UnlockedKeys> {
  const masterKey = await makeMasterKey(password, account.email, account.kdf);
  try {
    const userKey = await unlockUserKey(account.protectedUserKey, masterKey);
    const privateKey = account.encryptedPrivateKey ? await decrypt(account.encryptedPrivateKey, userKey) : undefined;
    return { email: account.email, userKey, privateKey };
  } catch (e) {
    if (e instanceof CryptoError) throw new Error(t("auth.invalidMasterPassword"));
    throw e;
  } finally {
    masterKey.fill(0);
  }
}
