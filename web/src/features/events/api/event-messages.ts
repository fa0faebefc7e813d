import { eventMessages } from "../../../lib/i18n/event-messages";
import { t, type MessageKey } from "../../../lib/i18n/messages";
import type { EventNames, EventRecord } from "./event-types";

/**
 * The last 8 characters of an id it cannot name. Not the first 8, as Bitwarden shows them: our ids are
 * time-ordered (UUIDv7), so everything made in the same minute starts alike.
 */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(-8) : t("event.unknownId");
}

function named(map: ReadonlyMap<string, string> | undefined, id: string | null | undefined): string {
  return (id && map?.get(id)) || shortId(id);
}

/** The catalogue key of an event type the log can describe (Features/Events/EventType.cs), if there is one. */
function messageKey(type: number): MessageKey | undefined {
  const key = `event.${type}`;
  return key in eventMessages ? (key as MessageKey) : undefined;
}

/** Every name an event's sentence may hold; each type's message uses the ones that concern it. */
function placeholders(e: EventRecord, n: EventNames): Record<string, string> {
  return {
    item: named(n.items, e.cipherId),
    collection: named(n.collections, e.collectionId),
    group: named(n.groups, e.groupId),
    member: named(n.members, e.organizationUserId),
    providerUser: named(n.members, e.providerUserId),
    technician: named(n.members, e.providerUserId ?? e.userId),
    organization: named(n.organizations, e.organizationId ?? e.providerOrganizationId),
    policy: shortId(e.policyId),
  };
}

export function describeEvent(event: EventRecord, names: EventNames = {}): string {
  const key = messageKey(event.type);
  if (!key) return t("event.unknown", { type: event.type });
  const text = t(key, placeholders(event, names));
  return event.reason ? t("event.withReason", { text, reason: event.reason }) : text;
}

/** The event types offered in the log's type filter, in numeric order. */
export const KNOWN_EVENT_TYPES: readonly number[] = Object.keys(eventMessages)
  .map((key) => Number(key.slice("event.".length)))
  .filter((type) => Number.isInteger(type))
  .sort((a, b) => a - b);

/** An event type's sentence without names ("Created item"), for the log's type filter. */
export function eventTypeLabel(type: number): string {
  const key = messageKey(type);
  if (!key) return t("event.unknown", { type });
  const blanks = Object.fromEntries(Object.keys(placeholders({ type, date: "" }, {})).map((name) => [name, ""]));
  return t(key, blanks).replace(/\s+/g, " ").trim();
}
