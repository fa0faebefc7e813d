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
