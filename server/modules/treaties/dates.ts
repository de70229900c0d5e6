import type { DatePrecision } from '../../../shared/schemas/treaties.js';

export interface PartialDate {
  /** As given: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  precision: DatePrecision;
  /** First and last day the date can mean. */
  earliest: string;
  latest: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads a date as precise as its source: a day, a month or a year. Answers null for anything
 * else, including days that do not exist (2003-02-29) and years before 1900 (a typo, for these
 * treaties).
 */
export function parsePartialDate(text: string): PartialDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900) return null;
  if (m[2] === undefined) return { date: text, precision: 'year', earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysIn(year, month);
  if (m[3] === undefined) {
    return {
      date: text,
      precision: 'month',
      earliest: `${m[1]}-${m[2]}-01`,
      latest: `${m[1]}-${m[2]}-${pad(last)}`,
    };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { date: text, precision: 'day', earliest: text, latest: text };
}

/** A full, existing calendar day (YYYY-MM-DD). */
export function isDay(text: string): boolean {
  return parsePartialDate(text)?.precision === 'day';
}

/** Today in UTC, the day the API speaks of when no date is given. */
export const todayUtc = (): string => new Date().toISOString().slice(0, 10);
