import { afterEach, describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './zoned-time.js';

const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

describe('deadlines set in the meeting time zone', () => {
  // The same deadline typed on devices at both ends of the world's clocks.
  for (const deviceZone of ['Etc/GMT+12', 'Pacific/Kiritimati', 'UTC']) {
    it(`gives the same instant whatever the device's zone (${deviceZone})`, () => {
      process.env.TZ = deviceZone;
      expect(zonedToInstant('2005-03-31T18:00', 'America/New_York')).toBe('2005-03-31T23:00:00.000Z');
      expect(zonedToInstant('2005-04-06T09:00', 'America/New_York')).toBe('2005-04-06T13:00:00.000Z');
      expect(instantToZoned('2005-04-06T13:00:00.000Z', 'America/New_York')).toBe('2005-04-06T09:00');
      expect(zonedToInstant('2026-12-31T23:59', 'Pacific/Kiritimati')).toBe('2026-12-31T09:59:00.000Z');
      expect(zonedToInstant('2026-12-31T23:59', 'Etc/GMT+12')).toBe('2027-01-01T11:59:00.000Z');
    });
  }

  it('moves a time skipped by daylight saving forward and takes the first of a repeated one', () => {
    // 2 April 2005, clocks in New York jumped 02:00 → 03:00.
    expect(zonedToInstant('2005-04-03T02:30', 'America/New_York')).toBe('2005-04-03T07:30:00.000Z');
    // 30 October 2005, 01:30 happened twice; the first is still daylight time (UTC−4).
    expect(zonedToInstant('2005-10-30T01:30', 'America/New_York')).toBe('2005-10-30T05:30:00.000Z');
  });

  it('refuses text that is not a wall-clock time', () => {
    expect(zonedToInstant('31/03/2005 18:00', 'America/New_York')).toBeNull();
    expect(zonedToInstant('', 'America/New_York')).toBeNull();
  });
});
