import { fromBase64 } from "../../../lib/crypto/bytes";
import { rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { refreshProfile } from "../../../lib/profile";
import { masterPasswordHashOf } from "../../../lib/master-password";
import { apiClient, keyStore } from "../../../lib/session";

/**
 * Enrolls in (or withdraws from) an org's account recovery: enrolling wraps this user's key to the org's public key,
 * so the org's admins can later set a new master password without ever seeing the key; the master password is
 * re-confirmed first. Withdrawing needs no password, and the org's policy may forbid it.
 */
export async function setRecoveryEnrollment(orgId: string, userId: string, enroll: boolean, password: string): Promise<void> {
  const url = `/api/organizations/${orgId}/users/${userId}/reset-password-enrollment`;
  if (!enroll) {
    await apiClient.request(url, { method: "PUT", json: { resetPasswordKey: null, masterPasswordHash: null } });
  } else {
    const keys = await apiClient.get<{ publicKey: string }>(`/api/organizations/${orgId}/keys`);
    await apiClient.request(url, {
      method: "PUT",
      json: {
        resetPasswordKey: await rsaEncrypt(symmetricKeyToBytes(keyStore.userKey), fromBase64(keys.publicKey)),
        masterPasswordHash: await masterPasswordHashOf(password),
      },
    });
  }
  await refreshProfile();
}
