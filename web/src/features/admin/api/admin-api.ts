import { ApiClient, ApiError } from "../../../lib/api-client";
import { t } from "../../../lib/i18n/messages";
import { adminToken } from "./admin-token";

/** What a 404 from /admin means, and how the operator switches the area on. */
export const adminOffMessage = t("admin.off");

/** /admin is not /api: its bearer is the admin token, not a user's access token. */
const adminClient = new ApiClient({ getAccessToken: adminToken });

interface ListResponse<T> {
  data: T[];
}

/** Bitwarden's ProviderType and ProviderStatusType. */
export const PROVIDER_TYPES = [0, 1, 2] as const;
const known = (n: number): n is 0 | 1 | 2 => n === 0 || n === 1 || n === 2;
export const providerTypeLabel = (type: number): string => (known(type) ? t(`admin.providers.type.${type}`) : String(type));
export const providerStatusLabel = (status: number): string =>
  known(status) ? t(`admin.providers.status.${status}`) : String(status);

export interface AdminProvider {
  id: string;
  name: string;
  businessName: string | null;
  billingEmail: string | null;
  type: number;
  status: number;
  enabled: boolean;
  clients: number;
  users: number;
  creationDate: string;
}

export interface AdminOrganization {
  id: string;
  name: string;
  planType: number;
  plan: string;
  seats: number | null;
  occupiedSeats: number;
  enabled: boolean;
  providerId: string | null;
}

export async function listAdminProviders(): Promise<AdminProvider[]> {
  return (await adminClient.get<ListResponse<AdminProvider>>("/admin/providers")).data;
}

/** Tries a token before it is kept: the server's message says when it is wrong or /admin is off. */
export async function verifyAdminToken(token: string): Promise<void> {
  try {
    await new ApiClient({ getAccessToken: () => token }).get("/admin/providers");
  } catch (e) {
    // Without a configured token the server hides the whole area behind 404s.
    if (e instanceof ApiError && e.status === 404) throw new Error(adminOffMessage);
    throw e;
  }
}

export interface NewProvider {
  name: string;
  type: number;
  ownerEmail: string;
}

/** A pending provider; its owner gets the setup mail (AdminProviderCreateRequest). */
export function createAdminProvider(p: NewProvider): Promise<AdminProvider> {
  return adminClient.post<AdminProvider>("/admin/providers", { name: p.name.trim(), type: p.type, ownerEmail: p.ownerEmail.trim() });
}

export async function resendProviderSetup(id: string): Promise<void> {
  await adminClient.post(`/admin/providers/${id}/resend-setup`);
}

/** Enabling or disabling keeps the other fields as they are (AdminProviderUpdateRequest needs them all). */
export function setAdminProviderEnabled(p: AdminProvider, enabled: boolean): Promise<AdminProvider> {
  return adminClient.request<AdminProvider>(`/admin/providers/${p.id}`, {
    method: "PUT", json: { name: p.name, businessName: p.businessName, billingEmail: p.billingEmail, enabled },
  });
}

export async function listAdminOrganizations(): Promise<AdminOrganization[]> {
  return (await adminClient.get<ListResponse<AdminOrganization>>("/admin/organizations")).data;
}

/** Refused by the server while the provider still has clients. */
export async function deleteAdminProvider(id: string): Promise<void> {
  await adminClient.request(`/admin/providers/${id}`, { method: "DELETE" });
}
