import ical, {
  ICalEventStatus,
  type ICalCalendar,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { Agenda, AgendaBlock, AgendaItem, Presenter } from '../../../shared/schemas/agenda.js';
import type { LocalizedText } from '../../../shared/schemas/text.js';
import { intlFor } from '../../i18n.js';

export interface AgendaIcsOptions {
  /** The venue already read in agenda.lang; null leaves LOCATION out. */
  venue: string | null;
  /** Public origin of the web app, e.g. https://continental.example.org */
  baseUrl: string;
}

type Msg = (id: string, values?: Record<string, string | number>) => string;

/**
 * One VEVENT per timed block, and one per item that has its own times (those items are left out
 * of their block's event, and a block whose items all have times gets no event of its own).
 * UIDs are built from stable keys and SEQUENCE is the version number, so a calendar that
 * imported version 1 updates its events in place when version 2 arrives.
 */
export function renderAgendaIcs(agenda: Agenda, opts: AgendaIcsOptions): string {
  const { slug, timeZone } = agenda.meeting;
  const vtimezone = getVtimezoneComponent(timeZone);
  // A TZID with no VTIMEZONE behind it is invalid RFC 5545 and clients guess differently: refuse.
  if (!vtimezone) throw new Error(`no VTIMEZONE available for time zone ${timeZone}`);

  const intl = intlFor(agenda.lang);
  const msg: Msg = (id, values) => intl.formatMessage({ id }, values);
  const meeting = agenda.meeting.title.text;
  const url = `${opts.baseUrl.replace(/\/+$/, '')}/${agenda.lang}/meetings/${slug}/agenda`;
  const stamp = new Date(agenda.version.publishedAt);
  const sequence = agenda.version.number;

  const calendar: ICalCalendar = ical({
    name: meeting,
    prodId: '//Continental//Agenda//EN',
    // name: null keeps DTSTAMP in UTC while still emitting the VTIMEZONE each event's TZID needs.
    timezone: { name: null, generator: (tz) => (tz === timeZone ? vtimezone : getVtimezoneComponent(tz)) },
  });
  const common = {
    stamp,
    sequence,
    url,
    location: opts.venue,
  };

  for (const day of agenda.days) {
    const untimed: AgendaBlock[] = [];
    for (const block of day.blocks) {
      for (const item of block.items.filter(hasOwnTime)) {
        const notes = notesOf(textsOfItem(item), agenda.lang, msg);
        calendar.createEvent({
          ...common,
          id: `${slug}-${item.key}@continental`,
          timezone: timeZone,
          start: wallClock(day.date, item.startTime),
          end: item.endTime ? wallClock(day.date, item.endTime) : null,
          status: ICalEventStatus.CONFIRMED,
          summary: msg('agenda.icsItemSummary', { meeting, number: item.number, title: item.title.text }),
          description: [...itemLines(item, msg, agenda.lang), ...notes].join('\n'),
        });
      }
      const rest = block.items.filter((item) => !hasOwnTime(item));
      if (rest.length === 0) continue;
      if (!block.startTime) {
        untimed.push({ ...block, items: rest });
        continue;
      }
      const subject = block.theme?.text ?? rest.map((item) => item.title.text).join('; ');
      const notes = notesOf([block.theme, ...rest.flatMap(textsOfItem)], agenda.lang, msg);
      calendar.createEvent({
        ...common,
        id: `${slug}-${day.date}-${block.period}@continental`,
        timezone: timeZone,
        start: wallClock(day.date, block.startTime),
        end: block.endTime ? wallClock(day.date, block.endTime) : null,
        // Default session hours are a guess about this block, not an appointment.
        status: block.timesIndicative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
        summary: msg('agenda.icsBlockSummary', { meeting, period: msg(`agenda.period.${block.period}`), subject }),
        description: [
          ...(block.timesIndicative ? [msg('agenda.timesIndicative')] : []),
          ...rest.flatMap((item) => itemLines(item, msg, agenda.lang)),
          ...notes,
        ].join('\n'),
      });
    }
    // Blocks with no times at all (the meeting has no default hours yet) still belong in a
    // subscriber's calendar: one all-day event per day keeps the meeting days visible instead
    // of an empty feed, and it disappears on refresh once the blocks get times.
    if (untimed.length > 0) {
      const texts = untimed.flatMap((b) => [b.theme, ...b.items.flatMap(textsOfItem)]);
      const notes = notesOf(texts, agenda.lang, msg);
      calendar.createEvent({
        ...common,
        id: `${slug}-${day.date}@continental`,
        allDay: true,
        // All-day dates carry no zone; UTC midnight strings format to the calendar day itself.
        start: day.date,
        end: nextDay(day.date),
        status: ICalEventStatus.TENTATIVE,
        summary: meeting,
        description: [
          ...untimed.flatMap((b) => [
            b.theme ? `${msg(`agenda.period.${b.period}`)} — ${b.theme.text}` : msg(`agenda.period.${b.period}`),
            ...b.items.flatMap((item) => itemLines(item, msg, agenda.lang)),
          ]),
          ...notes,
        ].join('\n'),
      });
    }
  }
  return calendar.toString();
}

function hasOwnTime(item: AgendaItem): item is AgendaItem & { startTime: string } {
  return item.startTime !== null;
}

function textsOfItem(item: AgendaItem): (LocalizedText | null)[] {
  return [item.title, item.description, ...item.alternatives];
}

function itemLines(item: AgendaItem, msg: Msg, lang: Agenda['lang']): string[] {
  const lines = [`${item.number}. ${item.title.text}`];
  if (item.description) lines.push(`   ${item.description.text}`);
  if (item.presenters.length > 0) {
    const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(item.presenters.map(presenterName));
    lines.push(`   ${msg('agenda.presentersList', { names })}`);
  }
  if (item.alternatives.length > 0) {
    lines.push(`   ${msg('agenda.alternatives')}`, ...item.alternatives.map((alt) => `   – ${alt.text}`));
  }
  return lines;
}

function presenterName(p: Presenter): string {
  return p.type === 'organization' ? (p.acronym ?? p.name) : p.name;
}

/** Distinct notes for the texts of one event: an unofficial translation, a language fallback. */
function notesOf(texts: (LocalizedText | null)[], lang: Agenda['lang'], msg: Msg): string[] {
  const languageName = new Intl.DisplayNames([lang], { type: 'language' });
  const notes = new Set<string>();
  for (const t of texts) {
    if (!t) continue;
    if (!t.official) notes.add(msg('agenda.unofficialTranslation'));
    if (t.fallback) notes.add(msg('agenda.fallbackLanguage', { language: languageName.of(t.lang) ?? t.lang }));
  }
  return notes.size > 0 ? ['', ...notes] : [];
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ical-generator formats a native Date with TZID using the *server's* local clock, so the
// meeting's wall time goes in as a Temporal-shaped value it supports natively (Node 20 has no
// Temporal). Only the same-zone path is used; the conversions keep the stubs truthful.
type Fields = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallClock(date: string, hhmm: string): ICalTemporalPlainDateTimeStub {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = hhmm.split(':').map(Number);
  const fields = { year, month, day, hour, minute, second: 0 };
  if (Object.values(fields).some((n) => n === undefined || Number.isNaN(n))) {
    throw new Error(`invalid agenda date or time: ${date} ${hhmm}`);
  }
  return plainDateTime(fields as Fields);
}

function plainDateTime(f: Fields): ICalTemporalPlainDateTimeStub {
  const iso = isoOf(f);
  return {
    ...f,
    toString: () => iso,
    toJSON: () => iso,
    toPlainDate: () => ({
      year: f.year,
      month: f.month,
      day: f.day,
      toString: () => iso.slice(0, 10),
      toJSON: () => iso.slice(0, 10),
    }),
    toZonedDateTime: (timeZone) => zonedDateTime(f, timeZone),
  };
}

function zonedDateTime(f: Fields, timeZoneId: string): ICalTemporalZonedDateTimeStub {
  const iso = isoOf(f);
  const self: ICalTemporalZonedDateTimeStub = {
    ...f,
    timeZoneId,
    toString: () => `${iso}[${timeZoneId}]`,
    toJSON: () => `${iso}[${timeZoneId}]`,
    toPlainDateTime: () => plainDateTime(f),
    toInstant: () => instant(epochOf(f, timeZoneId)),
    withTimeZone: (tz) => (tz === timeZoneId ? self : zonedDateTime(fieldsAt(epochOf(f, timeZoneId), tz), tz)),
  };
  return self;
}

function instant(ms: number): ICalTemporalInstantStub {
  const iso = new Date(ms).toISOString();
  return {
    epochMilliseconds: ms,
    toString: () => iso,
    toJSON: () => iso,
    toZonedDateTimeISO: (tz) => zonedDateTime(fieldsAt(ms, tz), tz),
  };
}

function isoOf(f: Fields): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(f.year, 4)}-${p(f.month)}-${p(f.day)}T${p(f.hour)}:${p(f.minute)}:${p(f.second)}`;
}

function fieldsAt(ms: number, timeZone: string): Fields {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The instant a wall time names in a zone (offset read at a first guess, then corrected once). */
function epochOf(f: Fields, timeZone: string): number {
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const offsetAt = (ms: number): number => {
    const g = fieldsAt(ms, timeZone);
    return Date.UTC(g.year, g.month - 1, g.day, g.hour, g.minute, g.second) - Math.floor(ms / 1000) * 1000;
  };
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}
