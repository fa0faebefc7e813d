import { apiClient } from "../../../lib/session";
import { OrgUserType } from "../../../lib/profile";

/** Bitwarden's PolicyType numbers for the two Send policies. */
export const PolicyType = { DisableSend: 6, SendOptions: 7 } as const;

interface PolicyWire { organizationId: string; type: number; enabled: boolean; data: Record<string, unknown> | null }
interface MembershipWire { id: string; type: number; status: number }
interface PolicySync { profile: { organizations: MembershipWire[] }; policies?: PolicyWire[] | null }

/** What the user's orgs forbid on Sends, so the page can say so before the server refuses (400). */
export interface SendPolicies { disableSend: boolean; disableHideEmail: boolean }

/** Accepted or confirmed (Bitwarden's OrganizationUserStatusType 1, 2). */
const bound = (m: MembershipWire | undefined) => !!m && (m.status === 1 || m.status === 2)
  && m.type !== OrgUserType.Owner && m.type !== OrgUserType.Admin;

/**
 * The server's rule (Features/Sends, PolicyRules.Binding): an enabled policy binds the members of its org who have
 * accepted, except its owners and admins.
 */
export function sendPoliciesOf(sync: PolicySync): SendPolicies {
  const memberships = new Map(sync.profile.organizations.map((m) => [m.id, m]));
  const binding = (sync.policies ?? []).filter((p) => p.enabled && bound(memberships.get(p.organizationId)));
  return {
    disableSend: binding.some((p) => p.type === PolicyType.DisableSend),
    disableHideEmail: binding.some((p) => p.type === PolicyType.SendOptions && p.data?.disableHideEmail === true),
  };
}

/** The policies as the sync hands them to every Bitwarden client. */
export async function loadSendPolicies(): Promise<SendPolicies> {
  return sendPoliciesOf(await apiClient.get<PolicySync>("/api/sync?excludeDomains=true"));
}
