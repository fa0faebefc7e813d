import { ApiClient } from "../../src/lib/api-client";
import { makeRegistrationMaterial } from "../../src/lib/crypto/account-keys";
import { fromBase64 } from "../../src/lib/crypto/bytes";
import { encrypt } from "../../src/lib/crypto/enc-string";
import { rsaEncrypt } from "../../src/lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../src/lib/crypto/symmetric-key";
import { loginWithPassword } from "../../src/features/auth/api/login-with-password";
import type { RunningServer } from "./server";
import { uniqueEmail } from "./session";

/** Registers through the API (PBKDF2, 600,000 iterations) and logs in; the client carries the access token. */
export async function registerApi(server: RunningServer, email: string, password: string) {
  const client = new ApiClient({ baseUrl: server.baseUrl });
  const m = await makeRegistrationMaterial(password, email, { type: 0, iterations: 600000 });
  await client.post("/identity/accounts/register", {
    email, masterPasswordHash: m.masterPasswordHash, key: m.key,
    keys: { publicKey: m.publicKey, encryptedPrivateKey: m.encryptedPrivateKey }, kdf: 0, kdfIterations: 600000, kdfMemory: null, kdfParallelism: null,
  });
  const login = await loginWithPassword(client, email, password, crypto.randomUUID());
  return { publicKey: m.publicKey, userKey: login.keys.userKey, api: new ApiClient({ baseUrl: server.baseUrl, getAccessToken: () => login.accessToken }) };
}

/** An owner with an org whose key is wrapped to them. */
export async function ownerWithOrg(server: RunningServer, password: string): Promise<{ email: string; orgId: string }> {
  const email = uniqueEmail("owner");
  const { publicKey, api } = await registerApi(server, email, password);
  const key = makeUserKey();
  const org = await api.post<{ id: string }>("/api/organizations", {
    name: "E2E Org", billingEmail: email, planType: 20, key: await rsaEncrypt(symmetricKeyToBytes(key), fromBase64(publicKey)),
    collectionName: await encrypt("Default collection", key),
  });
  return { email, orgId: org.id };
}
