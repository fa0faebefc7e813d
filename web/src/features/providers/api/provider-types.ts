/** Wire shapes of the provider endpoints (Features/Providers/*.cs); enums travel as numbers. */

export interface ListResponse<T> {
  data: T[];
  continuationToken: string | null;
}

/** Bitwarden's ProviderUserStatusType. */
export const ProviderUserStatus = { Invited: 0, Accepted: 1, Confirmed: 2 } as const;

export const providerUserStatusLabel: Record<number, string> = { 0: "Invited", 1: "Accepted", 2: "Confirmed" };
export const providerUserTypeLabel: Record<number, string> = { 0: "Provider admin", 1: "Service user" };

/** `providerOrganizationOrganizationDetail`: `id` is the link (ProviderOrganization) id, used to unlink. */
export interface ProviderClient {
  id: string;
  providerId: string;
  organizationId: string;
  key: string | null;
  creationDate: string;
  userCount: number;
  seats: number | null;
  occupiedSeats: number;
  remainingSeats: number | null;
  plan: string | null;
  organizationName: string;
  enabled: boolean;
}

export interface AddableOrganization {
  id: string;
  name: string;
  plan: string;
  seats: number | null;
  disabled: boolean;
}

/** `providerUserUserDetails`: email is the account's, or the invited address while Invited. */
export interface ProviderUserDetails {
  id: string;
  userId: string | null;
  type: number;
  status: number;
  name: string | null;
  email: string | null;
}

export type { BulkResult } from "../../../lib/confirm-members";

export interface ProviderDetails {
  id: string;
  name: string;
  businessName: string | null;
  billingEmail: string | null;
  creationDate: string;
  type: number;
}
