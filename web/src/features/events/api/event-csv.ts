import { toCsv } from "../../../lib/csv";
import { describeEvent } from "./event-messages";
import type { EventNames, EventRecord } from "./event-types";
import { t } from "../../../lib/i18n/messages";

/** The header a person reads in a spreadsheet, so it is in the reader's language; the cells stay raw (ISO time, ids). */
export const EVENT_CSV_COLUMNS = (["timestamp", "type", "message", "actingUser", "member", "item", "collection", "group", "device", "ip"] as const)
  .map((column) => t(`eventCsv.${column}`));

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
