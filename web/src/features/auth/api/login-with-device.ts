import type { ApiClient } from "../../../lib/api-client";
import { decrypt } from "../../../lib/crypto/enc-string";
import { randomBytes, toBase64, type Bytes } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { normalizeEmail } from "../../../lib/crypto/kdf";
import { generateRsaKeyPair, rsaDecrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyFromBytes } from "../../../lib/crypto/symmetric-key";
import { getDeviceIdentifier } from "./device-identifier";
import { login } from "./login";
import type { PasswordLoginResult } from "./login-with-password";
import { prelogin } from "./prelogin";

/** A login-with-device request in flight: its one-time private key and access code stay in this page's memory. */
export interface DeviceLoginRequest {
  id: string;
  email: string;
  accessCode: string;
  privateKey: Bytes;
  /** What the approving device must show too (Bitwarden: the email and this request's public key). */
  phrase: string;
}

/** Asks the user's logged-in devices to let this browser in (AuthenticateAndUnlock, as the web vault does). */
export async function requestDeviceLogin(client: ApiClient, email: string): Promise<DeviceLoginRequest> {
  const normalized = normalizeEmail(email);
  const keys = await generateRsaKeyPair();
  const accessCode = toBase64(randomBytes(18)).replace(/[^A-Za-z0-9]/g, "a").slice(0, 25);
  const { id } = await client.request<{ id: string }>("/api/auth-requests", {
    method: "POST", headers: { "Device-Type": "9" },
    json: { email: normalized, publicKey: toBase64(keys.publicKeySpki), deviceIdentifier: getDeviceIdentifier(), accessCode, type: 0 },
  });
  return { id, email: normalized, accessCode, privateKey: keys.privateKeyPkcs8, phrase: await fingerprintPhrase(normalized, keys.publicKeySpki) };
}

/** Null while unanswered; once approved, opens the user key with the one-time key and logs in with the access code. */
export async function finishDeviceLogin(client: ApiClient, r: DeviceLoginRequest): Promise<PasswordLoginResult | null> {
  const answer = await client.get<{ requestApproved: boolean; key: string | null }>(
    `/api/auth-requests/${r.id}/response?code=${encodeURIComponent(r.accessCode)}`);
  if (!answer.requestApproved || !answer.key) return null;
  const userKey = symmetricKeyFromBytes(await rsaDecrypt(answer.key, r.privateKey));
  const kdf = await prelogin(client, r.email);
  const token = await login(client, { email: r.email, masterPasswordHash: r.accessCode, authRequest: r.id });
  const privateKey = token.PrivateKey ? await decrypt(token.PrivateKey, userKey) : undefined;
  return {
    accessToken: token.access_token,
    refreshToken: token.refresh_token ?? null,
    keys: { email: r.email, userKey, privateKey },
    account: { email: r.email, kdf, protectedUserKey: token.Key ?? "", encryptedPrivateKey: token.PrivateKey ?? null },
    forcePasswordReset: token.ForcePasswordReset === true,
  };
}
