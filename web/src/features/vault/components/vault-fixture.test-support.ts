import { http, HttpResponse } from "msw";
import { encrypt } from "../../../lib/crypto/enc-string";
import { generateRsaKeyPair, rsaEncrypt, type RsaKeyPair } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { refreshProfile } from "../../../lib/profile";
import { keyStore } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import type { CipherWire, SyncResponse } from "../../../lib/ciphers/cipher-types";

export const ids = {
  user: "11111111-1111-1111-1111-111111111111",
  org: "22222222-2222-2222-2222-222222222222",
  collection: "33333333-3333-3333-3333-333333333333",
  folder: "44444444-4444-4444-4444-444444444444",
  github: "a0000000-0000-0000-0000-000000000001",
  visa: "a0000000-0000-0000-0000-000000000002",
  shared: "a0000000-0000-0000-0000-000000000003",
  router: "a0000000-0000-0000-0000-000000000004",
  wifi: "a0000000-0000-0000-0000-000000000005",
};

export const revisionDate = "2026-11-20T10:00:00.000Z";

function wire(id: string, type: number, name: string, patch: Partial<CipherWire> = {}): CipherWire {
  return {
    id, organizationId: null, folderId: null, type, name, notes: null, key: null, favorite: false, reprompt: 0,
    edit: true, viewPassword: true, permissions: { delete: true, restore: true }, collectionIds: [], fields: null,
    passwordHistory: null, attachments: null, revisionDate, creationDate: revisionDate, deletedDate: null, ...patch,
  };
}

export interface VaultFixture {
  userKey: SymmetricKey;
  orgKey: SymmetricKey;
  sync: SyncResponse;
}

/**
 * Generating an RSA-2048 pair is the slowest step of the set-up by far, and its time varies from run to run (a search
 * for primes), which made tests time out now and then on a busy machine. The tests do not need a fresh pair each:
 * one serves a whole test file.
 */
let userRsa: Promise<RsaKeyPair> | undefined;

/**
 * Unlocks a user whose vault holds personal items (a login with a TOTP secret, a card in a folder, a favorite note,
 * a trashed item) and an org login with its own item key, all encrypted here with lib/crypto. The org key reaches the
 * user RSA-wrapped in the profile, as from the server.
 */
export async function setUpVault(userKey: SymmetricKey = makeUserKey()): Promise<VaultFixture> {
  const orgKey = makeUserKey();
  const rsa = await (userRsa ??= generateRsaKeyPair());
  // A copy: the key store wipes the private key it holds when the session ends.
  keyStore.unlock({ email: "user@example.com", userKey, privateKey: rsa.privateKeyPkcs8.slice() });
  const org = { id: ids.org, name: "Acme", status: 2, enabled: true, type: 2, key: await rsaEncrypt(symmetricKeyToBytes(orgKey), rsa.publicKeySpki) };
  const profile = { id: ids.user, name: "User", email: "user@example.com", key: null, privateKey: null,
    organizations: [{ ...org, permissions: {}, object: "profileOrganization" }], providers: [], providerOrganizations: [] };
  server.use(http.get("/api/accounts/profile", () => HttpResponse.json(profile)));
  await refreshProfile();

  const u = (s: string) => encrypt(s, userKey);
  const itemKey = makeUserKey();
  const i = (s: string) => encrypt(s, itemKey);
  const ciphers: CipherWire[] = [
    wire(ids.github, 1, await u("GitHub"), {
      login: { username: await u("octocat"), password: await u("hunter2"), totp: await u("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
        passwordRevisionDate: null, uris: [{ uri: await u("https://github.com/login"), uriChecksum: null, match: null }] },
    }),
    wire(ids.visa, 3, await u("Visa"), {
      folderId: ids.folder,
      card: { cardholderName: await u("Ann Smith"), brand: await u("Visa"), number: await u("4111111111111111"),
        expMonth: await u("12"), expYear: await u("2030"), code: await u("123") },
    }),
    wire(ids.shared, 1, await i("Shared DB"), {
      organizationId: ids.org, collectionIds: [ids.collection], key: await encrypt(symmetricKeyToBytes(itemKey), orgKey),
      login: { username: await i("dbadmin"), password: await i("s3cret"), totp: null, passwordRevisionDate: null, uris: [] },
      fields: [{ type: 1, name: await i("PIN"), value: await i("4242"), linkedId: null }],
    }),
    wire(ids.router, 1, await u("Old router"), { deletedDate: revisionDate, login: { username: null, password: null, totp: null, passwordRevisionDate: null, uris: [] } }),
    wire(ids.wifi, 2, await u("Wifi"), { favorite: true, notes: await u("The guest network is Visitors"), secureNote: { type: 0 } }),
  ];
  const sync: SyncResponse = {
    profile: { id: ids.user, organizations: [org] },
    folders: [{ id: ids.folder, name: await u("Finance"), revisionDate }],
    collections: [{ id: ids.collection, organizationId: ids.org, name: await encrypt("Engineering", orgKey), readOnly: false, manage: false }],
    ciphers,
  };
  server.use(http.get("/api/sync", () => HttpResponse.json(sync)));
  return { userKey, orgKey, sync };
}
