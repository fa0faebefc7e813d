import type { ApiClient } from "../../../lib/api-client";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { decrypt } from "../../../lib/crypto/enc-string";
import { hashMasterPassword, makeMasterKey, normalizeEmail } from "../../../lib/crypto/kdf";
import type { UnlockedKeys } from "../../../lib/crypto/key-store";
import type { AccountState } from "../../../lib/session";
import { login } from "./login";
import { prelogin } from "./prelogin";

export interface PasswordLoginResult {
  accessToken: string;
  refreshToken: string | null;
  keys: UnlockedKeys;
  account: AccountState;
  forcePasswordReset: boolean;
}

/** prelogin → master key → hash → token → user key, the same steps as the official web vault. */
export async function loginWithPassword(
  client: ApiClient,
  email: string,
  password: string,
  deviceIdentifier?: string,
): Promise<PasswordLoginResult> {
  const normalized = normalizeEmail(email);
  const kdf = await prelogin(client, normalized);
  const masterKey = await makeMasterKey(password, normalized, kdf);
  try {
    const masterPasswordHash = await hashMasterPassword(masterKey, password);
    const token = await login(client, { email: normalized, masterPasswordHash, deviceIdentifier });
    if (!token.Key) throw new Error("The server sent no encrypted user key.");
    const userKey = await unlockUserKey(token.Key, masterKey);
    const privateKey = token.PrivateKey ? await decrypt(token.PrivateKey, userKey) : undefined;
    return {
      accessToken: token.access_token,
      refreshToken: token.refresh_token ?? null,
      keys: { email: normalized, userKey, privateKey },
      account: { email: normalized, kdf, protectedUserKey: token.Key, encryptedPrivateKey: token.PrivateKey ?? null },
      forcePasswordReset: token.ForcePasswordReset === true,
    };
  } finally {
    masterKey.fill(0);
  }
}

