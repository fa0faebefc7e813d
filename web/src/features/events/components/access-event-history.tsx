import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { formatDateTime } from "../../../lib/i18n/format";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { fetchEventMemberNames } from "../api/event-members-api";
import { describeEvent } from "../api/event-messages";
import { fetchEventPage, type EventSource } from "../api/events-api";
import type { EventRecord } from "../api/event-types";

const HISTORY_DAYS = 90;
const PAGES = 5;
/** Provider access events are Custodian's own 95xx numbers. */
const isAccessEvent = (e: EventRecord) => e.type >= 9500 && e.type < 9600;

/** The provider access events of the last 90 days, newest first, reading a few pages of the log at most. */
async function accessEvents(source: EventSource): Promise<EventRecord[]> {
  const range = { start: new Date(Date.now() - HISTORY_DAYS * 86_400_000).toISOString(), end: new Date().toISOString() };
  const found: EventRecord[] = [];
  let token: string | null = null;
  for (let page = 0; page < PAGES && found.length < 100; page++) {
    const next = await fetchEventPage(source, range, token);
    found.push(...next.data.filter(isAccessEvent));
    token = next.continuationToken;
    if (!token) break;
  }
  return found;
}

/** "Event history" on the client's Provider access page; `changes` reloads it after a decision there. */
export function AccessEventHistory({ organizationId, changes }: { organizationId: string; changes: number }) {
  const source: EventSource = { kind: "organization", id: organizationId };
  const events = useAsync(() => accessEvents(source), [organizationId, changes]);
  const names = useAsync(() => fetchEventMemberNames(source), [organizationId]);
  const title = t("clientAccess.history");
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ErrorMessage message={events.error} />
      {events.data?.length === 0 && <p>{t("clientAccess.historyEmpty")}</p>}
      {events.data && events.data.length > 0 && (
        <DataTable label={title} rows={events.data} rowKey={(e) => `${e.date}:${e.type}:${e.providerUserId ?? e.userId ?? ""}`}
          columns={[
            { key: "when", header: t("clientAccess.when"), cell: (e) => formatDateTime(e.date) },
            { key: "event", header: t("clientAccess.event"), wrap: true, cell: (e) => describeEvent(e, { members: names.data }) },
          ]} />
      )}
    </section>
  );
}
