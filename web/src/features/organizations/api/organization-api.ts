import { masterPasswordHashOf } from "../../../lib/master-password";
import { apiClient } from "../../../lib/session";
import type { ListResponse, Organization, Policy } from "./org-types";

const base = (orgId: string) => `/api/organizations/${orgId}`;

export function getOrganization(orgId: string): Promise<Organization> {
  return apiClient.get<Organization>(base(orgId));
}

export async function updateOrganization(orgId: string, input: { name: string; billingEmail: string; businessName: string | null }): Promise<void> {
  await apiClient.request(base(orgId), { method: "PUT", json: { ...input, billingEmail: input.billingEmail || null } });
}

/** Deleting needs the caller's master password hash, computed here from their KDF settings; the password stays local. */
export async function deleteOrganization(orgId: string, password: string): Promise<void> {
  await apiClient.request(base(orgId), { method: "DELETE", json: { masterPasswordHash: await masterPasswordHashOf(password) } });
}

export async function listPolicies(orgId: string): Promise<Policy[]> {
  return (await apiClient.get<ListResponse<Policy>>(`${base(orgId)}/policies`)).data;
}

export async function savePolicy(orgId: string, type: number, enabled: boolean, data: Record<string, unknown> | null): Promise<void> {
  await apiClient.request(`${base(orgId)}/policies/${type}`, { method: "PUT", json: { enabled, data } });
}
