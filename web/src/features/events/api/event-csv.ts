import { toCsv } from "../../../lib/csv";
import { describeEvent } from "./event-messages";
import type { EventNames, EventRecord } from "./event-types";

export const EVENT_CSV_COLUMNS = [
  "timestamp",
  "event type id",
  "message",
  "acting user",
  "member",
  "item id",
  "collection id",
  "group id",
  "device type",
  "IP",
] as const;

/** The event log as CSV, one row per event, with the same messages the table shows. */
export function eventsToCsv(events: readonly EventRecord[], names: EventNames = {}): string {
  const name = (id: string | null | undefined) => (id ? (names.members?.get(id) ?? id) : "");
  return toCsv(
    EVENT_CSV_COLUMNS,
    events.map((e) => [
      e.date,
      e.type,
      describeEvent(e, names),
      name(e.actingUserId),
      name(e.organizationUserId ?? e.providerUserId),
      e.cipherId,
      e.collectionId,
      e.groupId,
      e.deviceType,
      e.ipAddress,
    ]),
  );
}
