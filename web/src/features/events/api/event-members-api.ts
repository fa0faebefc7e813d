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
  const path = source.kind === "organization" ? `/api/organizations/${source.id}/users` : `/api/providers/${source.id}/users`;
  const list = await apiClient.get<{ data: MemberRow[] }>(path);
  const names = new Map<string, string>();
  for (const m of list.data) {
    const label = m.name ? `${m.name} (${m.email ?? ""})` : (m.email ?? m.id);
    names.set(m.id, label);
    if (m.userId) names.set(m.userId, label);
  }
  return names;
}
