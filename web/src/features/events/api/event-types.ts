/** One event as GET /api/organizations/{id}/events and /api/providers/{id}/events return it (camelCase). */
export interface EventRecord {
  type: number;
  date: string;
  userId?: string | null;
  organizationId?: string | null;
  providerId?: string | null;
  cipherId?: string | null;
  collectionId?: string | null;
  groupId?: string | null;
  policyId?: string | null;
  organizationUserId?: string | null;
  providerUserId?: string | null;
  providerOrganizationId?: string | null;
  actingUserId?: string | null;
  deviceType?: number | null;
  ipAddress?: string | null;
  /** A technician's stated reason, on provider access events (9502-9507). */
  reason?: string | null;
}

/** Names the describer may use instead of ids; anything missing falls back to a shortened id. */
export interface EventNames {
  /** organizationUserId / providerUserId / userId → display name or email. */
  members?: ReadonlyMap<string, string>;
  collections?: ReadonlyMap<string, string>;
  items?: ReadonlyMap<string, string>;
  groups?: ReadonlyMap<string, string>;
  organizations?: ReadonlyMap<string, string>;
}
