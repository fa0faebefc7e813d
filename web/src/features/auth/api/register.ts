import type { ApiClient } from "../../../lib/api-client";
import { makeRegistrationMaterial } from "../../../lib/crypto/account-keys";
import { KdfType, normalizeEmail, type KdfConfig } from "../../../lib/crypto/kdf";

/** An invitation that lets its address register even when open signups are off. */
export type Invitation =
  | { kind: "organization"; token: string; organizationUserId: string }
  | { kind: "provider"; token: string; providerUserId: string };

export interface Registration {
  email: string;
  name: string;
  password: string;
  hint: string;
  invitation?: Invitation;
}

/** Production's PBKDF2 default; the server refuses less than its configured minimum. */
export const registrationKdf: KdfConfig = { type: KdfType.Pbkdf2Sha256, iterations: 600_000 };

/**
 * register/finish, as the official web vault does it: keys are made here and only the hash, the wrapped user key
 * and the key pair (private half encrypted) leave the browser. Without an invitation the address is first
 * verified; a server without mail hands the verification token straight back.
 */
export async function register(client: ApiClient, r: Registration, kdf: KdfConfig = registrationKdf): Promise<void> {
  const email = normalizeEmail(r.email);
  const material = await makeRegistrationMaterial(r.password, email, kdf);
  try {
    const invite =
      r.invitation?.kind === "organization"
        ? { orgInviteToken: r.invitation.token, organizationUserId: r.invitation.organizationUserId }
        : r.invitation?.kind === "provider"
          ? { providerInviteToken: r.invitation.token, providerUserId: r.invitation.providerUserId }
          : { emailVerificationToken: await client.post<string>("/identity/accounts/register/send-verification-email", { email, name: r.name || null, receiveMarketingEmails: false }) };
    await client.post("/identity/accounts/register/finish", {
      email,
      name: r.name || null,
      masterPasswordHint: r.hint || null,
      masterPasswordHash: material.masterPasswordHash,
      userSymmetricKey: material.key,
      kdf: kdf.type,
      kdfIterations: kdf.iterations,
      kdfMemory: kdf.type === KdfType.Argon2id ? kdf.memory : null,
      kdfParallelism: kdf.type === KdfType.Argon2id ? kdf.parallelism : null,
      userAsymmetricKeys: { publicKey: material.publicKey, encryptedPrivateKey: material.encryptedPrivateKey },
      ...invite,
    });
  } finally {
    material.userKey.encKey.fill(0);
    material.userKey.macKey.fill(0);
    material.privateKey.fill(0);
  }
}
