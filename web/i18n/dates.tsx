import { FormattedDate, FormattedDateTimeRange, FormattedTime } from 'react-intl';

// Calendar dates and wall-clock times carry no zone: pin them to UTC and format in UTC so the
// reader's own time zone can never shift a day.
export function calendarDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function wallClock(hhmm: string): Date {
  return new Date(`1970-01-01T${hhmm}:00Z`);
}

export function DateRange({ start, end }: { start: string; end: string }) {
  return (
    <FormattedDateTimeRange
      from={calendarDate(start)}
      to={calendarDate(end)}
      day="numeric"
      month="long"
      year="numeric"
      timeZone="UTC"
    />
  );
}

export function LongDate({ date, weekday = false }: { date: string; weekday?: boolean }) {
  return (
    <time dateTime={date}>
      <FormattedDate
        value={calendarDate(date)}
        weekday={weekday ? 'long' : undefined}
        day="numeric"
        month="long"
        year="numeric"
        timeZone="UTC"
      />
    </time>
  );
}

export function Time({ value }: { value: string }) {
  return <FormattedTime value={wallClock(value)} hour="numeric" minute="2-digit" timeZone="UTC" />;
}

/** A range when both ends are known, the start alone when only it is; else nothing. */
export function MaybeTimeRange({ start, end }: { start: string | null; end: string | null }) {
  if (start !== null && end !== null) return <TimeRange start={start} end={end} />;
  if (start !== null) return <Time value={start} />;
  return null;
}

/** "9:00 AM – 12:30 PM" / "09:00–12:30", in the page language. */
export function TimeRange({ start, end }: { start: string; end: string }) {
  return (
    <FormattedDateTimeRange
      from={wallClock(start)}
      to={wallClock(end)}
      hour="numeric"
      minute="2-digit"
      timeZone="UTC"
    />
  );
}

/** "Eastern Time" / "hora del este" for an IANA zone, or the zone id when the browser lacks it. */
export function zoneName(locale: string, timeZone: string, onDate: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(
      new Date(`${onDate}T12:00:00Z`),
    );
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
