import { useSyncExternalStore } from "react";
import { decrypt } from "./crypto/enc-string";
import { rsaDecrypt } from "./crypto/rsa";
import { symmetricKeyFromBytes, type SymmetricKey } from "./crypto/symmetric-key";
import { apiClient, keyStore, subscribeSession } from "./session";

/** Bitwarden's OrganizationUserType: Owner 0, Admin 1, User 2, Manager 3 (legacy), Custom 4. */
export const OrgUserType = { Owner: 0, Admin: 1, User: 2, Custom: 4 } as const;
/** Bitwarden's ProviderUserType. */
export const ProviderUserType = { ProviderAdmin: 0, ServiceUser: 1 } as const;

export interface ProfileOrganization {
  id: string;
  name: string;
  key: string | null;
  type: number;
  status: number;
  enabled: boolean;
  permissions: Record<string, boolean>;
  organizationUserId: string | null;
  providerId: string | null;
  providerName: string | null;
  useGroups: boolean;
  usePolicies: boolean;
  useEvents: boolean;
  seats: number | null;
  /** The member's user key is wrapped to this org for account recovery. */
  resetPasswordEnrolled?: boolean;
  object: "profileOrganization" | "profileProviderOrganization";
}

export interface ProfileProvider {
  id: string;
  name: string;
  key: string | null;
  status: number;
  type: number;
  enabled: boolean;
  useEvents: boolean;
}

export interface Profile {
  id: string;
  name: string | null;
  email: string;
  key: string | null;
  privateKey: string | null;
  organizations: ProfileOrganization[];
  providers: ProfileProvider[];
  providerOrganizations: ProfileOrganization[];
}

let current: Profile | null = null;
const listeners = new Set<() => void>();

subscribeSession(() => {
  if (!keyStore.isUnlocked && current) {
    current = null;
    for (const l of listeners) l();
  }
});

/**
 * Reads the profile and unwraps what it carries: provider keys and member org keys are RSA-wrapped to this user;
 * client orgs reached through a provider are unwrapped on first use (orgKey), since a provider may have thousands.
 */
export async function refreshProfile(): Promise<Profile> {
  const profile = await apiClient.get<Profile>("/api/accounts/profile");
  const privateKey = keyStore.privateKey;
  if (privateKey) {
    for (const p of profile.providers) {
      if (p.key) keyStore.setProviderKey(p.id, symmetricKeyFromBytes(await rsaDecrypt(p.key, privateKey)));
    }
    for (const o of profile.organizations) {
      if (o.key) keyStore.setOrgKey(o.id, symmetricKeyFromBytes(await rsaDecrypt(o.key, privateKey)));
    }
  }
  current = profile;
  for (const l of listeners) l();
  return profile;
}

/**
 * The key of an org the user reaches as a member or through a provider; undefined when they hold none. A client
 * org's key is wrapped with its provider's key.
 */
export async function orgKey(orgId: string): Promise<SymmetricKey | undefined> {
  const known = keyStore.orgKey(orgId);
  if (known || !current) return known;
  const client = current.providerOrganizations.find((o) => o.id === orgId);
  const providerKey = client?.providerId ? keyStore.providerKey(client.providerId) : undefined;
  if (!client?.key || !providerKey) return undefined;
  const key = symmetricKeyFromBytes(await decrypt(client.key, providerKey));
  keyStore.setOrgKey(orgId, key);
  return key;
}

export function currentProfile(): Profile | null {
  return current;
}

export function useProfile(): Profile | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

/**
 * Orgs whose Admin Console the product switcher lists: owners, admins and custom managers. Provider clients are
 * opened from the Provider Portal's client list instead (a provider may have thousands).
 */
export function administeredOrganizations(profile: Profile): ProfileOrganization[] {
  return profile.organizations
    .filter((o) => o.type === OrgUserType.Owner || o.type === OrgUserType.Admin ||
      (o.type === OrgUserType.Custom && Object.values(o.permissions ?? {}).some(Boolean)))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The profile entry of an org the user can administer, as a member or through a provider. */
export function administeredOrganization(profile: Profile, orgId: string): ProfileOrganization | undefined {
  return administeredOrganizations(profile).find((o) => o.id === orgId) ??
    profile.providerOrganizations.find((o) => o.id === orgId);
}
