import { listMembers } from "../features/organizations/api/members-api";
import { listProviderUsers } from "../features/providers/api/provider-users-api";
import { OrgUserType, ProviderUserType, type Profile } from "../lib/profile";

export interface MemberTarget { id: string; label: string; detail: string; to: string }

/**
 * The orgs whose member list this user may read: owners, admins, custom members allowed to manage users, and the
 * clients of the user's providers. A custom member with other permissions only would be refused, so is not asked.
 */
export function memberListOrganizations(profile: Profile) {
  const own = profile.organizations.filter((o) => o.type === OrgUserType.Owner || o.type === OrgUserType.Admin ||
    (o.type === OrgUserType.Custom && o.permissions?.manageUsers));
  const seen = new Set(own.map((o) => o.id));
  return [...own, ...profile.providerOrganizations.filter((o) => !seen.has(o.id))];
}

/** Runs `work` on each item, `width` at a time, so an MSP with hundreds of clients does not open hundreds of requests. */
async function inTurn<T>(items: T[], work: (item: T) => Promise<void>, signal: AbortSignal, width = 4) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined && !signal.aborted; item = queue.shift()) await work(item).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: width }, worker));
}

/**
 * Every member the user may see, as palette targets: an org member opens the org's Members page searched for them,
 * a provider member the provider's Members page. Fetched while the palette is open (until `signal` aborts); one
 * refusal only leaves that list out.
 */
export async function fetchMemberTargets(profile: Profile, add: (targets: MemberTarget[]) => void, signal: AbortSignal) {
  const providers = profile.providers.filter((p) => p.type === ProviderUserType.ProviderAdmin);
  await Promise.all([
    inTurn(memberListOrganizations(profile), async (o) => add((await listMembers(o.id)).map((m) => {
      const label = m.email || m.name || m.id;
      return { id: `om-${m.id}`, label, detail: o.name, to: `/organizations/${o.id}/members?search=${encodeURIComponent(label)}` };
    })), signal),
    inTurn(providers, async (p) => add((await listProviderUsers(p.id)).map((u) => ({
      id: `m-${u.id}`, label: u.email ?? u.name ?? u.id, detail: p.name, to: `/providers/${p.id}/members` }))), signal),
  ]);
}
