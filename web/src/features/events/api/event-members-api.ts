import { apiClient } from "../../../lib/session";
import type { EventSource } from "./events-api";

interface MemberRow {
  id: string;
  userId?: string | null;
  name?: string | null;
  email?: string | null;
}

/** Member (or provider user) names keyed by both membership id and user id, to name actors and subjects. */
export async function fetchEventMemberNames(source: EventSource): Promise<Map<string, string>> {
  const paths = source.kind === "organization" ? [`/api/organizations/${source.id}/users`] : [`/api/providers/${source.id}/users`];
  // The roll-up of one client also names that client's own members.
  if (source.kind === "providerAudit" && source.organizationId) paths.push(`/api/organizations/${source.organizationId}/users`);
  const lists = await Promise.all(paths.map((path, i) => apiClient.get<{ data: MemberRow[] }>(path).catch((e: unknown) => {
    if (i === 0) throw e;
    return { data: [] };
  })));
  const names = new Map<string, string>();
  for (const m of lists.flatMap((l) => l.data)) {
    const label = m.name ? `${m.name} (${m.email ?? ""})` : (m.email ?? m.id);
    names.set(m.id, label);
    if (m.userId) names.set(m.userId, label);
  }
  return names;
}
