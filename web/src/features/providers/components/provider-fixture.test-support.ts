import { http, HttpResponse } from "msw";
import { toBase64 } from "../../../lib/crypto/bytes";
import { generateRsaKeyPair, rsaEncrypt, type RsaKeyPair } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { refreshProfile, type Profile } from "../../../lib/profile";
import { keyStore, startSession } from "../../../lib/session";
import { server } from "../../../test/msw-server";

export const ids = {
  user: "11111111-1111-4111-8111-111111111111",
  provider: "22222222-2222-4222-8222-222222222222",
  org: "33333333-3333-4333-8333-333333333333",
  link: "44444444-4444-4444-8444-444444444444",
  member: "55555555-5555-4555-8555-555555555555",
  memberUser: "66666666-6666-4666-8666-666666666666",
};

export interface Session {
  userKeys: RsaKeyPair;
  providerKey: SymmetricKey;
  profile: Profile;
}

export function profileBody(overrides: Partial<Profile> = {}): Profile {
  return {
    id: ids.user, name: "Pat", email: "pat@example.com", key: null, privateKey: null,
    organizations: [], providers: [], providerOrganizations: [], ...overrides,
  };
}

/**
 * A logged-in, unlocked user with real keys; `providerType` makes them a confirmed member of the test provider
 * (0 admin, 1 service user) holding its key, RSA-wrapped in the profile as the server sends it.
 */
export async function startProviderSession(providerType: number | null = 0): Promise<Session> {
  const userKeys = await generateRsaKeyPair();
  const providerKey = makeUserKey();
  const providers = providerType === null ? [] : [{
    id: ids.provider, name: "Contoso MSP", key: await rsaEncrypt(symmetricKeyToBytes(providerKey), userKeys.publicKeySpki),
    status: 2, type: providerType, enabled: true, useEvents: true,
  }];
  const profile = profileBody({ providers });
  server.use(http.get("/api/accounts/profile", () => HttpResponse.json(profile)));
  keyStore.unlock({ email: profile.email, userKey: makeUserKey(), privateKey: userKeys.privateKeyPkcs8 });
  startSession("access-token", null, { email: profile.email, kdf: { type: 0, iterations: 600000 }, protectedUserKey: "2.x", encryptedPrivateKey: null });
  await refreshProfile();
  return { userKeys, providerKey, profile };
}

export const publicKeyBase64 = (pair: RsaKeyPair) => toBase64(pair.publicKeySpki);
