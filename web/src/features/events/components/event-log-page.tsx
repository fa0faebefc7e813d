import { useEffect, useMemo, useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { DateRangeField, isBackwards, lastDays, rangeInstants, type DateRange } from "../../../components/ui/date-range-field";
import { TextField } from "../../../components/ui/text-field";
import { eventsToCsv } from "../api/event-csv";
import { fetchEventMemberNames } from "../api/event-members-api";
import { describeEvent, eventTypeLabel, KNOWN_EVENT_TYPES } from "../api/event-messages";
import type { EventRecord } from "../api/event-types";
import { formatDateTime } from "../../../lib/i18n/format";
import { refreshProfile, useProfile } from "../../../lib/profile";
import { useSubmit } from "../../../lib/use-submit";
import { fetchAllEvents, fetchEventPage, type EventSource } from "../api/events-api";
import { t } from "../../../lib/i18n/messages";

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** Event log for an organization or a provider: date range, type and actor filters, paging, CSV export. */
export function EventLogPage({ source }: { source: EventSource }) {
  const [range, setRange] = useState<DateRange>(() => lastDays(31));
  const [maxDay] = useState(() => lastDays(1).end);
  const rangeInvalid = isBackwards(range);
  const [type, setType] = useState("");
  const [actor, setActor] = useState("");
  const [events, setEvents] = useState<EventRecord[] | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [members, setMembers] = useState<Map<string, string>>(new Map());
  const submit = useSubmit();
  const { busy, error } = submit;
  const run = (work: () => Promise<void>) => submit.handle(work)();

  const load = (more: boolean) =>
    run(async () => {
      const page = await fetchEventPage(source, rangeInstants(range), more ? token : null);
      setEvents((prev) => (more && prev ? [...prev, ...page.data] : page.data));
      setToken(page.continuationToken);
    });

  useEffect(() => {
    void load(false);
    fetchEventMemberNames(source).then(setMembers, () => setMembers(new Map()));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.kind, source.id]);

  const matches = useMemo(() => {
    const needle = actor.trim().toLowerCase();
    return (e: EventRecord) =>
      (!type || e.type === Number(type)) &&
      (!needle || (members.get(e.actingUserId ?? "") ?? "").toLowerCase().includes(needle));
  }, [type, actor, members]);

  // Client and member orgs are named from the profile, which lists every org the user reaches.
  const profile = useProfile();
  const organizations = useMemo(() => new Map([...(profile?.providerOrganizations ?? []), ...(profile?.organizations ?? [])]
    .map((o) => [o.id, o.name] as const)), [profile]);
  const names = { members, organizations };
  // An org made since the profile was read (a client another technician just created) is named after one reload.
  const missingOrg = (events ?? []).some((e) => e.organizationId && !organizations.has(e.organizationId));
  const [reloaded, setReloaded] = useState(false);
  useEffect(() => {
    if (missingOrg && !reloaded) {
      setReloaded(true);
      refreshProfile().catch(() => undefined); // names are a nicety: the ids stay shown
    }
  }, [missingOrg, reloaded]);
  const shown = (events ?? []).filter(matches);

  const exportCsv = () =>
    run(async () => {
      const all = (await fetchAllEvents(source, rangeInstants(range))).filter(matches);
      download(eventsToCsv(all, names), `events-${range.start.toString()}-${range.end.toString()}.csv`);
    });

  return (
    <>
      <PageHeader title={t("events.title")}>
        <Button type="button" className="button secondary" disabled={busy || rangeInvalid} onClick={() => void exportCsv()}>
          {t("events.exportCsv")}
        </Button>
      </PageHeader>
      <form
        className="panel event-filters" aria-label={t("events.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          void load(false);
        }}
      >
        <DateRangeField label={t("events.dates")} value={range} onChange={setRange} maxValue={maxDay} />
        <SelectField
          label={t("events.type")}
          value={type}
          onChange={setType}
          options={[
            { value: "", label: t("events.allEvents") },
            // Names only: the numbers are Bitwarden's wire codes, which mean nothing to the reader.
            ...KNOWN_EVENT_TYPES.map((type) => ({ value: String(type), label: eventTypeLabel(type) })),
          ]}
        />
        <TextField label={t("events.actor")} value={actor} onChange={setActor} placeholder={t("events.actorPlaceholder")} optional />
        <Button type="submit" disabled={busy || rangeInvalid}>
          {t("events.update")}
        </Button>
      </form>
      <ErrorMessage message={error} />
      {events === null ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p>{t("events.none")}</p>
      ) : (
        <DataTable label={t("events.table")} rows={shown.map((e, i) => ({ e, key: `${e.date}-${i}` }))} rowKey={(r) => r.key}
          columns={[
            { key: "time", header: t("events.column.time"), cell: ({ e }) => <time dateTime={e.date}>{formatDateTime(e.date)}</time> },
            { key: "member", header: t("events.column.member"), wrap: true,
              cell: ({ e }) => (e.actingUserId ? (members.get(e.actingUserId) ?? e.actingUserId.slice(0, 8)) : t("events.system")) },
            { key: "event", header: t("events.column.event"), wrap: true, cell: ({ e }) => describeEvent(e, names) },
          ]} />
      )}
      {token && (
        <Button type="button" className="button secondary" disabled={busy} onClick={() => void load(true)}>
          {t("events.loadMore")}
        </Button>
      )}
    </>
  );
}
