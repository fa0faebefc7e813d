import { t } from "../../../lib/i18n/messages";
import { apiClient } from "../../../lib/session";
import type { EventSource } from "./events-api";

interface MemberRow {
  id: string;
  userId?: string | null;
  name?: string | null;
  email?: string | null;
}

interface ContactRow { granteeId?: string | null; grantorId?: string | null; name?: string | null; email?: string | null }

/**
 * The people an account log names: the caller, and the emergency contacts on either side (the other party of
 * every 96xx event), keyed by user id.
 */
async function accountNames(userId: string): Promise<MemberRow[]> {
  const [trusted, granted] = await Promise.all([
    apiClient.get<{ data: ContactRow[] }>("/api/emergency-access/trusted"),
    apiClient.get<{ data: ContactRow[] }>("/api/emergency-access/granted"),
  ]);
  const contacts = [...trusted.data.map((c) => ({ ...c, id: c.granteeId })), ...granted.data.map((c) => ({ ...c, id: c.grantorId }))];
  return [{ id: userId, name: t("events.you") }, ...contacts.flatMap((c) => (c.id ? [{ id: c.id, name: c.name, email: c.email }] : []))];
}

/** Member (or provider user) names keyed by both membership id and user id, to name actors and subjects. */
export async function fetchEventMemberNames(source: EventSource): Promise<Map<string, string>> {
  if (source.kind === "user") return labelled(await accountNames(source.id));
  const paths = source.kind === "organization" ? [`/api/organizations/${source.id}/users`] : [`/api/providers/${source.id}/users`];
  // The roll-up of one client also names that client's own members.
  if (source.kind === "providerAudit" && source.organizationId) paths.push(`/api/organizations/${source.organizationId}/users`);
  const lists = await Promise.all(paths.map((path, i) => apiClient.get<{ data: MemberRow[] }>(path).catch((e: unknown) => {
    if (i === 0) throw e;
    return { data: [] };
  })));
  return labelled(lists.flatMap((l) => l.data));
}

function labelled(rows: MemberRow[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of rows) {
    const label = m.name ? (m.email ? `${m.name} (${m.email})` : m.name) : (m.email ?? m.id);
    names.set(m.id, label);
    if (m.userId) names.set(m.userId, label);
  }
  return names;
}
