import type { ApiClient } from "../../../lib/api-client";

/** Binds the invitation to the logged-in account; an admin confirms it afterwards by wrapping the org key to it. */
export function acceptOrganization(client: ApiClient, organizationId: string, organizationUserId: string, token: string): Promise<void> {
  return client.post(`/api/organizations/${organizationId}/users/${organizationUserId}/accept`, { token });
}
