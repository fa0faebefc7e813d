import { getLocalTimeZone, today, type CalendarDate } from "@internationalized/date";
import { Button, CalendarCell, CalendarGrid, DateInput, DateRangePicker, DateSegment, Dialog, Group, Heading, Label, Popover,
  RangeCalendar, Text } from "react-aria-components";
import { t } from "../../lib/i18n/messages";

export interface DateRange { start: CalendarDate; end: CalendarDate }

/** An end before the start: marked on the field, and nothing should be fetched for it. */
export const isBackwards = ({ start, end }: DateRange) => end.compare(start) < 0;

/** The last `days` days up to today, in the user's time zone. */
export function lastDays(days: number): DateRange {
  const end = today(getLocalTimeZone());
  return { start: end.subtract({ days: days - 1 }), end };
}

/** A day range as the instants it spans in the user's time zone: from the start day's midnight to the end day's last moment. */
export function rangeInstants({ start, end }: DateRange): { start: string; end: string } {
  const zone = getLocalTimeZone();
  return { start: start.toDate(zone).toISOString(), end: new Date(end.add({ days: 1 }).toDate(zone).getTime() - 1).toISOString() };
}

interface Props {
  label: string;
  value: DateRange;
  onChange: (value: DateRange) => void;
  /** Days after this cannot be picked (e.g. today, for a log). */
  maxValue?: CalendarDate;
  description?: string;
}

/**
 * A start and end date typed segment by segment (in the order and digits of the user's locale) or picked on a
 * calendar: react-aria's DateRangePicker, so each segment is a spin button and the calendar is keyboard-reachable.
 * An end before the start is marked on the field, not silently swapped.
 */
export function DateRangeField({ label, value, onChange, maxValue, description }: Props) {
  const invalid = isBackwards(value);
  return (
    <DateRangePicker className="field date-range" value={value} onChange={(v) => v && onChange(v)} maxValue={maxValue}
      isInvalid={invalid} shouldForceLeadingZeros>
      <Label>{label}</Label>
      <Group className="date-range-group">
        <DateInput slot="start" className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        <span aria-hidden="true" className="date-range-dash">–</span>
        <DateInput slot="end" className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        <Button className="button secondary icon date-button"><CalendarIcon /></Button>
      </Group>
      {description && <Text slot="description" className="field-description">{description}</Text>}
      {invalid && <Text slot="errorMessage" className="field-error">{t("dateRange.endBeforeStart")}</Text>}
      <Popover className="menu-popover calendar-popover" placement="bottom start">
        <Dialog className="calendar-dialog">
          <RangeCalendar className="calendar">
            <header className="calendar-header">
              <Button slot="previous" className="button secondary icon">‹</Button>
              <Heading className="calendar-heading" />
              <Button slot="next" className="button secondary icon">›</Button>
            </header>
            <CalendarGrid className="calendar-grid">{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGrid>
          </RangeCalendar>
        </Dialog>
      </Popover>
    </DateRangePicker>
  );
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
    </svg>
  );
}
