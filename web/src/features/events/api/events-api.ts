import { apiClient } from "../../../lib/session";
import type { EventRecord } from "./event-types";

export interface EventPage {
  data: EventRecord[];
  continuationToken: string | null;
}

/**
 * Whose events: an organization's (Admin Console), a provider's own (Provider Portal, Bitwarden's meaning), the
 * provider's audit roll-up (its own and its clients' members' events, optionally of one client or one technician), or
 * the caller's own account log.
 */
export type EventSource = { kind: "organization"; id: string } | { kind: "provider"; id: string }
  | { kind: "providerAudit"; id: string; organizationId?: string | null; providerUserId?: string | null }
  | { kind: "user"; id: string };

export interface EventRange {
  start: string;
  end: string;
}

function eventsPath(source: EventSource): string {
  switch (source.kind) {
    case "organization": return `/api/organizations/${source.id}/events`;
    case "provider": return `/api/providers/${source.id}/events`;
    case "providerAudit": return `/api/providers/${source.id}/audit/events`;
    // Bitwarden's GET /events: always the caller's own, whatever id the page holds.
    case "user": return "/api/events";
  }
}

/** The roll-up's client and technician filters as query parameters (none for the other sources). */
export function sourceFilters(source: EventSource): Record<string, string> {
  if (source.kind !== "providerAudit") return {};
  return { ...(source.organizationId ? { organizationId: source.organizationId } : {}), ...(source.providerUserId ? { providerUserId: source.providerUserId } : {}) };
}

/** One page of events in [start, end]; pass the previous page's continuationToken for the next page. */
export async function fetchEventPage(
  source: EventSource,
  range: EventRange,
  continuationToken?: string | null,
): Promise<EventPage> {
  const query = new URLSearchParams({ start: range.start, end: range.end, ...sourceFilters(source) });
  if (continuationToken) query.set("continuationToken", continuationToken);
  const page = await apiClient.get<{ data: EventRecord[]; continuationToken?: string | null }>(
    `${eventsPath(source)}?${query.toString()}`,
  );
  return { data: page.data, continuationToken: page.continuationToken ?? null };
}

/** Every event in the range, following continuation tokens (used by the CSV export). */
export async function fetchAllEvents(source: EventSource, range: EventRange): Promise<EventRecord[]> {
  const events: EventRecord[] = [];
  let token: string | null = null;
  do {
    const page = await fetchEventPage(source, range, token);
    events.push(...page.data);
    token = page.continuationToken;
  } while (token);
  return events;
}
