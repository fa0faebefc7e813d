import { apiClient } from "../../../lib/session";
import type { EventRecord } from "./event-types";

export interface EventPage {
  data: EventRecord[];
  continuationToken: string | null;
}

/** Whose events: an organization's (Admin Console), a provider's (Provider Portal), or the caller's own account log. */
export type EventSource = { kind: "organization"; id: string } | { kind: "provider"; id: string } | { kind: "user"; id: string };

export interface EventRange {
  start: string;
  end: string;
}

function eventsPath(source: EventSource): string {
  switch (source.kind) {
    case "organization": return `/api/organizations/${source.id}/events`;
    case "provider": return `/api/providers/${source.id}/events`;
    // Bitwarden's GET /events: always the caller's own, whatever id the page holds.
    case "user": return "/api/events";
  }
}

/** One page of events in [start, end]; pass the previous page's continuationToken for the next page. */
export async function fetchEventPage(
  source: EventSource,
  range: EventRange,
  continuationToken?: string | null,
): Promise<EventPage> {
  const query = new URLSearchParams({ start: range.start, end: range.end });
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
