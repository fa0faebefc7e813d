import { ApiError, type ApiClient } from "../../../lib/api-client";
import { fromBase64 } from "../../../lib/crypto/bytes";
import { rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";

/**
 * Binds the invitation to the logged-in account; an admin confirms it afterwards by wrapping the org key to it. When
 * the org enrolls members in account recovery automatically, the server asks for the user key wrapped to the org's
 * public key, and the accept is sent again with it.
 */
export async function acceptOrganization(client: ApiClient, organizationId: string, organizationUserId: string, token: string,
  userKey?: SymmetricKey): Promise<void> {
  const url = `/api/organizations/${organizationId}/users/${organizationUserId}/accept`;
  try {
    await client.post(url, { token });
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400 || !userKey || !/reset is required/i.test(e.message)) throw e;
    const keys = await client.get<{ publicKey: string }>(`/api/organizations/${organizationId}/keys`);
    await client.post(url, { token, resetPasswordKey: await rsaEncrypt(symmetricKeyToBytes(userKey), fromBase64(keys.publicKey)) });
  }
}
