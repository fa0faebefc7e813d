import { constantTimeEqual, fromBase64 } from "./crypto/bytes";
import { rsaDecrypt, rsaEncrypt } from "./crypto/rsa";
import { apiClient, keyStore } from "./session";
import { t } from "./i18n/messages";

/**
 * RSA-wraps a new org or provider key to the user's own public key as the server holds it, then opens it again
 * with the private key in memory: a public key the server swapped is caught before anything is sent.
 */
export async function wrapToSelf(userId: string, key: Uint8Array<ArrayBuffer>): Promise<string> {
  const privateKey = keyStore.privateKey;
  if (!privateKey) throw new Error(t("auth.noKeyPair"));
  const { publicKey } = await apiClient.get<{ publicKey: string | null }>(`/api/users/${userId}/public-key`);
  if (!publicKey) throw new Error(t("auth.noKeyPair"));
  const wrapped = await rsaEncrypt(key, fromBase64(publicKey));
  const opened = await rsaDecrypt(wrapped, privateKey).catch(() => null);
  if (!opened || !constantTimeEqual(opened, key)) {
    throw new Error(t("auth.publicKeySwapped"));
  }
  return wrapped;
}
