import { decryptToString } from "../../../lib/crypto/enc-string";
import { orgKey } from "../../../lib/profile";
import { apiClient, keyStore } from "../../../lib/session";
import { decryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { t } from "../../../lib/i18n/messages";
import type { CollectionView, OrganizationView, SyncOrganization, SyncResponse, VaultData } from "../../../lib/ciphers/cipher-types";

/** Bitwarden's OrganizationUserStatusType.Confirmed: only confirmed members hold the org key. */
const Confirmed = 2;

async function decryptOrFallback(value: string, key: Parameters<typeof decryptToString>[1] | undefined): Promise<string> {
  if (!key) return t("vault.decryptionError");
  try {
    return await decryptToString(value, key);
  } catch {
    return t("vault.decryptionError");
  }
}

function organizations(sync: SyncResponse): OrganizationView[] {
  const seen = new Map<string, OrganizationView>();
  // A provider's technicians manage every item of its client orgs (the server lets them add items there too).
  const add = (o: SyncOrganization, member: boolean) => {
    if (seen.has(o.id)) return;
    seen.set(o.id, { id: o.id, name: o.name, canCreate: o.enabled && !!o.key && (!member || o.status === Confirmed), providerId: member ? null : o.providerId });
  };
  sync.profile.organizations.forEach((o) => add(o, true));
  (sync.profile.providerOrganizations ?? []).forEach((o) => add(o, false));
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** GET /api/sync, decrypted: the user's items and folders, and the items and collections of their orgs. */
export async function loadVault(): Promise<VaultData> {
  const sync = await apiClient.get<SyncResponse>("/api/sync?excludeDomains=true");
  const userKey = keyStore.userKey;
  const keyOf = (orgId: string | null) => (orgId ? orgKey(orgId) : Promise.resolve(userKey));
  const ciphers = await Promise.all(sync.ciphers.map(async (c) => decryptCipher(c, await keyOf(c.organizationId))));
  const folders = await Promise.all(sync.folders.map(async (f) => ({ id: f.id, name: await decryptOrFallback(f.name, userKey) })));
  const collections: CollectionView[] = await Promise.all(sync.collections.map(async (c) => ({
    id: c.id, organizationId: c.organizationId, readOnly: c.readOnly, name: await decryptOrFallback(c.name, await keyOf(c.organizationId)),
  })));
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    userId: sync.profile.id,
    ciphers: ciphers.sort(byName),
    folders: folders.sort(byName),
    collections: collections.sort(byName),
    organizations: organizations(sync),
  };
}
