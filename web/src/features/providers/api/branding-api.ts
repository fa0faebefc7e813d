import { apiClient } from "../../../lib/session";

/** GET/PUT /api/providers/{id}/branding and the anonymous invitation lookup: what a provider shows its clients' people. */
export interface ProviderBranding {
  providerId: string;
  /** The display name, else the provider's name. */
  name: string;
  displayName: string | null;
  color: string | null;
  /** Server-relative, changes with each new logo. */
  logoUrl: string | null;
}

const path = (providerId: string) => `/api/providers/${providerId}/branding`;

export function getBranding(providerId: string): Promise<ProviderBranding> {
  return apiClient.get<ProviderBranding>(path(providerId));
}

export function saveBranding(providerId: string, displayName: string, color: string): Promise<ProviderBranding> {
  return apiClient.request<ProviderBranding>(path(providerId), { method: "PUT", json: { displayName: displayName || null, color: color || null } });
}

/** The logo as multipart part "logo"; the server checks its bytes (PNG or JPEG, at most 256 KB). */
export function uploadLogo(providerId: string, file: File): Promise<ProviderBranding> {
  const multipart = new FormData();
  multipart.append("logo", file, file.name);
  return apiClient.request<ProviderBranding>(`${path(providerId)}/logo`, { method: "POST", multipart });
}

export function deleteLogo(providerId: string): Promise<ProviderBranding> {
  return apiClient.request<ProviderBranding>(`${path(providerId)}/logo`, { method: "DELETE" });
}

/**
 * The branding of the provider managing the org an invitation comes from, asked with the mailed token (anonymous:
 * the invitee may not have an account yet). Null when the org has no provider, or the link is not valid.
 */
export async function invitationBranding(organizationId: string, organizationUserId: string, email: string, token: string): Promise<ProviderBranding | null> {
  try {
    return await apiClient.post<ProviderBranding>(`/api/organizations/${organizationId}/users/${organizationUserId}/branding`, { email, token });
  } catch {
    return null;   // branding is a nicety: the invitation works without it
  }
}
