import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { LANGS } from '../../../shared/lang.js';
import { TEXT_MAX, type MultiTextInput } from '../../../shared/schemas/editing.js';
import type { MultiText } from '../../../shared/text.js';
import { AppError } from '../../http/errors.js';

/**
 * Collects every problem in a request before answering, so an editor fixes them in one round;
 * paths look like Fastify's schema errors (`body/days/0/date`) so the UI handles both alike.
 */
export class Issues {
  readonly list: { path: string; message: string; reason?: string }[] = [];

  /** `reason`: a stable word the UI translates (the message is English, for people reading the API). */
  add(path: string, message: string, reason?: string): void {
    this.list.push(reason ? { path, message, reason } : { path, message });
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const first = this.list[0];
    throw new AppError('validation_failed', `${first?.path}: ${first?.message}`, { errors: this.list });
  }
}

/**
 * NFC-normalises every version, drops empty ones (an empty translation is no translation: readers
 * fall back to the original) and requires a non-empty text in the original language.
 */
export function normalizeText(input: MultiTextInput, path: string, issues: Issues): MultiText {
  const values: MultiText['values'] = {};
  for (const lang of LANGS) {
    const given = input.values[lang];
    if (!given) continue;
    const text = given.text.normalize('NFC');
    if (text.length > TEXT_MAX) issues.add(`${path}/values/${lang}/text`, `must be at most ${TEXT_MAX} characters`);
    if (text.trim() !== '') values[lang] = { text, official: given.official };
  }
  if (!values[input.original]) {
    issues.add(`${path}/values/${input.original}`, `the original language (${input.original}) needs a text`);
  }
  return { original: input.original, values };
}

export function normalizeOptionalText(input: MultiTextInput | null, path: string, issues: Issues): MultiText | null {
  return input === null ? null : normalizeText(input, path, issues);
}

/** A calendar date that exists (the schema's pattern alone lets 2005-02-30 through). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Start and end given together (or neither), start before end; HH:MM compares as text. */
export function checkTimes(start: string | null, end: string | null, path: string, issues: Issues): void {
  if ((start === null) !== (end === null)) {
    issues.add(`${path}/${start === null ? 'startTime' : 'endTime'}`, 'give both start and end times, or neither');
  } else if (start !== null && end !== null && start >= end) {
    issues.add(`${path}/endTime`, 'must be after the start time');
  }
}

/**
 * An IANA zone the runtime knows and for which a VTIMEZONE exists: the calendar export needs
 * one, and ICU silently accepts case variants and old aliases that calendar apps do not.
 */
export function timeZoneProblem(zone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return `"${zone}" is not an IANA time zone (e.g. America/New_York)`;
  }
  if (getVtimezoneComponent(zone)) return null;
  return resolved !== zone && getVtimezoneComponent(resolved)
    ? `write the time zone as "${resolved}"`
    : `"${zone}" has no calendar definition; use a current IANA name such as America/Argentina/Buenos_Aires`;
}
