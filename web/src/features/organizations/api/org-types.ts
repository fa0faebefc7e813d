/** Shapes of the Admin Console's server answers (Bitwarden's, camelCase; enums are numbers). */

export interface ListResponse<T> {
  object: "list";
  data: T[];
  continuationToken: string | null;
}

/** One collection (or group) a member or group reaches, and how. */
export interface AccessSelection {
  id: string;
  readOnly: boolean;
  hidePasswords: boolean;
  manage: boolean;
}

export const MemberStatus = { Revoked: -1, Invited: 0, Accepted: 1, Confirmed: 2 } as const;
export const MemberType = { Owner: 0, Admin: 1, User: 2, Custom: 4 } as const;

export const memberStatusLabel: Record<number, string> = { [-1]: "Revoked", 0: "Invited", 1: "Accepted", 2: "Confirmed" };
export const memberTypeLabel: Record<number, string> = { 0: "Owner", 1: "Admin", 2: "User", 4: "Custom" };
export const memberTypeOptions = [
  { value: "2", label: "User" },
  { value: "1", label: "Admin" },
  { value: "0", label: "Owner" },
  { value: "4", label: "Custom" },
] as const;

/** Custom role permissions the server stores (MemberPermissions.cs), with their labels. */
export const permissionLabels = {
  accessEventLogs: "Access event logs",
  accessImportExport: "Access import/export",
  accessReports: "Access reports",
  createNewCollections: "Create new collections",
  editAnyCollection: "Edit any collection",
  deleteAnyCollection: "Delete any collection",
  manageGroups: "Manage groups",
  managePolicies: "Manage policies",
  manageUsers: "Manage users",
} as const;
export type Permissions = Partial<Record<keyof typeof permissionLabels, boolean>>;

export interface Member {
  id: string;
  userId: string | null;
  email: string;
  name: string | null;
  type: number;
  status: number;
  /** Whether the member's account has two-step login on (the policy column). */
  twoFactorEnabled?: boolean;
  permissions: Permissions;
  collections: AccessSelection[];
  groups: string[];
  /** Enrolled in account recovery: the user key is wrapped to the org. */
  resetPasswordEnrolled?: boolean;
}

/** What the invite and edit forms send: the role, its permissions and what the member reaches. */
export interface MemberAccess {
  type: number;
  permissions: Permissions;
  collections: AccessSelection[];
  groups: string[];
}

export type { BulkResult } from "../../../lib/confirm-members";

/** A collection with its name decrypted, and who reaches it. */
export interface OrgCollection {
  id: string;
  name: string;
  groups: AccessSelection[];
  users: AccessSelection[];
}

export interface Group {
  id: string;
  name: string;
  collections: AccessSelection[];
}

export interface Policy {
  type: number;
  enabled: boolean;
  data: Record<string, unknown> | null;
}

export interface Organization {
  id: string;
  name: string;
  billingEmail: string | null;
  businessName: string | null;
  usePolicies: boolean;
  useGroups: boolean;
}
