/** Wire shapes of the provider endpoints (Features/Providers/*.cs); enums travel as numbers. */
import { t } from "../../../lib/i18n/messages";

export interface ListResponse<T> {
  data: T[];
  continuationToken: string | null;
}

/** Bitwarden's ProviderUserStatusType. */
export const ProviderUserStatus = { Invited: 0, Accepted: 1, Confirmed: 2 } as const;

export const providerUserStatusLabel: Record<number, string> = {
  0: t("portal.members.status.0"), 1: t("portal.members.status.1"), 2: t("portal.members.status.2"),
};
export const providerUserTypeLabel: Record<number, string> = { 0: t("portal.members.type.0"), 1: t("portal.members.type.1") };

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
