import { apiClient } from "../../../lib/session";
import type { ListResponse } from "./provider-types";

/** Wire shapes of Features/Providers/Assignments (AssignmentContracts.cs); enums travel as numbers. */

/** How a technician reaches a client's items now. */
export type ReachVia = "assigned" | "team" | "grant";

export interface Reach {
  providerUserId: string;
  userId: string | null;
  email: string | null;
  name: string | null;
  organizationId: string;
  organizationName: string;
  via: ReachVia;
  teamId: string | null;
  teamName: string | null;
  grantId: string | null;
  expiresAt: string | null;
}

export interface Team {
  id: string;
  name: string;
  providerUserIds: string[];
  organizationIds: string[];
}

/** AccessGrantStatus. */
export const GrantStatus = { Requested: 0, Approved: 1, Denied: 2, Revoked: 3, Expired: 4 } as const;

export interface AccessGrant {
  id: string;
  providerId: string;
  providerUserId: string;
  userId: string | null;
  email: string | null;
  organizationId: string;
  organizationName: string | null;
  reason: string;
  durationMinutes: number;
  status: number;
  awaitsProvider: boolean;
  awaitsClient: boolean;
  decidedByUserId: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  firstUsedAt: string | null;
  creationDate: string;
}

export interface AccessSettings {
  maxGrantMinutes: number;
  requestsNeedApproval: boolean;
  clients: { organizationId: string; requestsNeedApproval: boolean }[];
}

export interface ClientProviderAccess {
  providerId: string | null;
  providerName: string | null;
  requiresApproval: boolean;
  now: Reach[];
  grants: AccessGrant[];
}

/** Live now: approved and not yet expired (the server decides the same way on every request). */
export function isLive(g: AccessGrant, now = Date.now()): boolean {
  return g.status === GrantStatus.Approved && g.expiresAt !== null && Date.parse(g.expiresAt) > now;
}

const provider = (providerId: string) => `/api/providers/${providerId}`;
const list = async <T>(path: string) => (await apiClient.get<ListResponse<T>>(path)).data;

export const reachOfClient = (providerId: string, organizationId: string) =>
  list<Reach>(`${provider(providerId)}/assignments/clients/${organizationId}`);
export const reachOfTechnician = (providerId: string, providerUserId: string) =>
  list<Reach>(`${provider(providerId)}/assignments/users/${providerUserId}`);

/** Every pair of the technicians and clients named is assigned (or unassigned); pairs already so stay. */
export async function changeAssignments(providerId: string, providerUserIds: string[], organizationIds: string[], assign: boolean): Promise<void> {
  await apiClient.post(`${provider(providerId)}/assignments${assign ? "" : "/remove"}`, { providerUserIds, organizationIds });
}

export const listTeams = (providerId: string) => list<Team>(`${provider(providerId)}/teams`);

export interface TeamFields {
  name: string;
  providerUserIds: string[];
  organizationIds: string[];
}

export function saveTeam(providerId: string, id: string | null, team: TeamFields): Promise<Team> {
  return id
    ? apiClient.request<Team>(`${provider(providerId)}/teams/${id}`, { method: "PUT", json: team })
    : apiClient.post<Team>(`${provider(providerId)}/teams`, team);
}

export async function deleteTeam(providerId: string, id: string): Promise<void> {
  await apiClient.request(`${provider(providerId)}/teams/${id}`, { method: "DELETE" });
}

export const listAccessRequests = (providerId: string) => list<AccessGrant>(`${provider(providerId)}/access-requests`);

export function requestAccess(providerId: string, organizationId: string, reason: string, durationMinutes: number): Promise<AccessGrant> {
  return apiClient.post<AccessGrant>(`${provider(providerId)}/access-requests`, { organizationId, reason, durationMinutes });
}

export type GrantAction = "approve" | "deny" | "revoke";

export function actOnRequest(providerId: string, id: string, action: GrantAction): Promise<AccessGrant> {
  return apiClient.post<AccessGrant>(`${provider(providerId)}/access-requests/${id}/${action}`, {});
}

export const getAccessSettings = (providerId: string) => apiClient.get<AccessSettings>(`${provider(providerId)}/access-settings`);

export function updateAccessSettings(providerId: string, maxGrantMinutes: number, requestsNeedApproval: boolean): Promise<AccessSettings> {
  return apiClient.request<AccessSettings>(`${provider(providerId)}/access-settings`, { method: "PUT", json: { maxGrantMinutes, requestsNeedApproval } });
}

/** A client's own rule at the provider; null returns it to the provider's default. */
export function updateClientAccessSetting(providerId: string, organizationId: string, requestsNeedApproval: boolean | null): Promise<AccessSettings> {
  return apiClient.request<AccessSettings>(`${provider(providerId)}/access-settings/clients/${organizationId}`,
    { method: "PUT", json: { requestsNeedApproval } });
}

const client = (organizationId: string) => `/api/organizations/${organizationId}/provider-access`;

export const getClientProviderAccess = (organizationId: string) => apiClient.get<ClientProviderAccess>(client(organizationId));

export function setClientApproval(organizationId: string, requiresApproval: boolean): Promise<ClientProviderAccess> {
  return apiClient.request<ClientProviderAccess>(`${client(organizationId)}/settings`, { method: "PUT", json: { requiresApproval } });
}

export function clientDecide(organizationId: string, id: string, approve: boolean): Promise<AccessGrant> {
  return apiClient.post<AccessGrant>(`${client(organizationId)}/requests/${id}/${approve ? "approve" : "deny"}`, {});
}
