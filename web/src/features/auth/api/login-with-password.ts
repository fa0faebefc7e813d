import { ApiError, type ApiClient } from "../../../lib/api-client";
import { unlockUserKey } from "../../../lib/crypto/account-keys";
import { decrypt } from "../../../lib/crypto/enc-string";
import { hashMasterPassword, makeMasterKey, normalizeEmail } from "../../../lib/crypto/kdf";
import type { UnlockedKeys } from "../../../lib/crypto/key-store";
import type { AccountState } from "../../../lib/session";
import { login, type TwoFactorAnswer } from "./login";
import { prelogin } from "./prelogin";
import { t } from "../../../lib/i18n/messages";

export interface PasswordLoginResult {
  accessToken: string;
  refreshToken: string | null;
  keys: UnlockedKeys;
  account: AccountState;
  forcePasswordReset: boolean;
}

/** The server wants a second factor: the methods it offers (Bitwarden's provider types) and their data. */
export class TwoFactorRequiredError extends Error {
  override name = "TwoFactorRequiredError";

  constructor(readonly providers: Record<string, Record<string, unknown> | null>, readonly sessionToken: string | null) {
    super(t("twoFactor.required"));
  }
}

const rememberKey = (email: string) => `custodian.twoFactorToken.${email}`;
// Absent outside a browser (the e2e tests log in from Node through this same code).
const storage = (): Storage | null => (typeof localStorage === "undefined" ? null : localStorage);

/** Like the official clients: a stored "remember me" token (type 5) goes out when no code is given. */
function secondFactor(email: string, given?: TwoFactorAnswer): TwoFactorAnswer | undefined {
  if (given) return given;
  const remembered = storage()?.getItem(rememberKey(email));
  return remembered ? { provider: 5, token: remembered, remember: false } : undefined;
}

/** prelogin → master key → hash → token → user key, the same steps as the official web vault. */
export async function loginWithPassword(
  client: ApiClient,
  email: string,
  password: string,
  deviceIdentifier?: string,
  twoFactor?: TwoFactorAnswer,
): Promise<PasswordLoginResult> {
  const normalized = normalizeEmail(email);
  const kdf = await prelogin(client, normalized);
  const masterKey = await makeMasterKey(password, normalized, kdf);
  try {
    const masterPasswordHash = await hashMasterPassword(masterKey, password);
    const token = await login(client, { email: normalized, masterPasswordHash, deviceIdentifier, twoFactor: secondFactor(normalized, twoFactor) })
      .catch((e: unknown) => {
        const providers = e instanceof ApiError ? e.body?.["TwoFactorProviders2"] : undefined;
        if (providers && typeof providers === "object") {
          const session = e instanceof ApiError ? e.body?.["SsoEmail2faSessionToken"] : null;
          throw new TwoFactorRequiredError(providers as Record<string, Record<string, unknown> | null>,
            typeof session === "string" ? session : null);
        }
        throw e;
      });
    if (token.TwoFactorToken) storage()?.setItem(rememberKey(normalized), token.TwoFactorToken);
    if (!token.Key) throw new Error(t("auth.noUserKey"));
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

