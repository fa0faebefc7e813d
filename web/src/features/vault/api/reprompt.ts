import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { constantTimeEqual } from "../../../lib/crypto/bytes";
import { makeMasterKey } from "../../../lib/crypto/kdf";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { currentAccount, keyStore } from "../../../lib/session";
import { t } from "../../../lib/i18n/messages";

const invalid = t("auth.invalidMasterPassword");

/**
 * Master password re-prompt, checked offline as unlocking is: the password must open the protected user key and
 * give the key the vault is unlocked with. Nothing is sent to the server.
 */
export async function verifyMasterPassword(password: string): Promise<void> {
  const account = currentAccount();
  if (!account) throw new Error(t("reprompt.loggedOut"));
  const masterKey = await makeMasterKey(password, account.email, account.kdf);
  let userKey: SymmetricKey;
  try {
    userKey = await unlockUserKey(account.protectedUserKey, masterKey);
  } catch {
    throw new Error(invalid);
  } finally {
    masterKey.fill(0);
  }
  const same = constantTimeEqual(symmetricKeyToBytes(userKey), symmetricKeyToBytes(keyStore.userKey));
  userKey.encKey.fill(0);
  userKey.macKey.fill(0);
  if (!same) throw new Error(invalid);
}
