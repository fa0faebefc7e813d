/** Shapes of the Admin Console's server answers (Bitwarden's, camelCase; enums are numbers). */
import { t } from "../../../lib/i18n/messages";

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

export const memberStatusLabel: Record<number, string> = {
  [-1]: t("members.status.revoked"), 0: t("members.status.invited"), 1: t("members.status.accepted"), 2: t("members.status.confirmed") };
export const memberTypeLabel: Record<number, string> = {
  0: t("members.role.owner"), 1: t("members.role.admin"), 2: t("members.role.user"), 4: t("members.role.custom") };
export const memberTypeOptions = [
  { value: "2", label: memberTypeLabel[2]! },
  { value: "1", label: memberTypeLabel[1]! },
  { value: "0", label: memberTypeLabel[0]! },
  { value: "4", label: memberTypeLabel[4]! },
] as const;

/** Custom role permissions the server stores (MemberPermissions.cs), with their labels. */
export const permissionLabels = {
  accessEventLogs: t("permission.accessEventLogs"),
  accessImportExport: t("permission.accessImportExport"),
  accessReports: t("permission.accessReports"),
  createNewCollections: t("permission.createNewCollections"),
  editAnyCollection: t("permission.editAnyCollection"),
  deleteAnyCollection: t("permission.deleteAnyCollection"),
  manageGroups: t("permission.manageGroups"),
  managePolicies: t("permission.managePolicies"),
  manageUsers: t("permission.manageUsers"),
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
