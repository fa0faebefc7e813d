import { apiClient } from "../../../lib/session";
import type { AccessSelection, Group, ListResponse } from "./org-types";

const base = (orgId: string) => `/api/organizations/${orgId}/groups`;

/** Groups with the collections they reach; names are plaintext, as in Bitwarden. */
export async function listGroups(orgId: string): Promise<Group[]> {
  const list = await apiClient.get<ListResponse<Group>>(`${base(orgId)}/details`);
  return list.data.map((g) => ({ ...g, collections: g.collections ?? [] })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function groupMemberIds(orgId: string, id: string): Promise<string[]> {
  return apiClient.get<string[]>(`${base(orgId)}/${id}/users`);
}

export interface GroupInput {
  name: string;
  collections: AccessSelection[];
  users: string[];
}

export async function saveGroup(orgId: string, id: string | null, input: GroupInput): Promise<void> {
  const json = { ...input, externalId: null };
  if (id) await apiClient.request(`${base(orgId)}/${id}`, { method: "PUT", json });
  else await apiClient.post(base(orgId), json);
}

/** Deletes one or several groups in one request (the server takes them all or none). */
export async function deleteGroups(orgId: string, ids: string[]): Promise<void> {
  await apiClient.request(base(orgId), { method: "DELETE", json: { ids } });
}
