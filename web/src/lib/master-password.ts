import { hashMasterPassword, makeMasterKey } from "./crypto/kdf";
import { currentAccount } from "./session";
import { t } from "./i18n/messages";

/** The shortest master password the UI accepts, for an account's own and for a temporary one set by account recovery. */
export const minimumPasswordLength = 12;

/** The logged-in user's master password hash, for routes that re-confirm it; the password and master key stay here. */
export async function masterPasswordHashOf(password: string): Promise<string> {
  const account = currentAccount();
  if (!account) throw new Error(t("auth.notLoggedIn"));
  const masterKey = await makeMasterKey(password, account.email, account.kdf);
  try {
    return await hashMasterPassword(masterKey, password);
  } finally {
    masterKey.fill(0);
  }
}
