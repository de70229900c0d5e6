/*
 * Wall-clock times in a meeting's time zone ⇄ instants. The secretariat sets a registration
 * deadline as "31 March, 18:00 in Washington", whatever zone their own device is in; the API
 * stores the instant. Only Intl is used, so server and browser agree.
 */

/** Milliseconds the zone is ahead of UTC at `instantMs`. */
function offsetAt(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO 8601 UTC) of a wall-clock time `YYYY-MM-DDTHH:mm` in `timeZone`. A time that
 * does not exist (skipped by a daylight-saving jump) moves forward by the jump; an ambiguous one
 * (repeated) takes the first occurrence. Null for text that is not such a time.
 */
export function zonedToInstant(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset unless the wall time falls in a transition.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const candidates = [first, second].sort((a, b) => a - b);
  const exact = candidates.find((c) => c + offsetAt(c, timeZone) === wall);
  return new Date(exact ?? Math.max(first, second)).toISOString();
}

/** The wall-clock time `YYYY-MM-DDTHH:mm` of an instant in `timeZone` (for datetime-local inputs). */
export function instantToZoned(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  const wall = new Date(ms + offsetAt(ms, timeZone));
  return wall.toISOString().slice(0, 16);
}
