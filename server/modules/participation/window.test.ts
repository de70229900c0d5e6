import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { checkWindow } from './register.js';
import { conceptNoteRules } from './rules.js';

/** The code a focal point's registration gets at `nowMs`, or "open". */
function outcome(rules: ReturnType<typeof conceptNoteRules>, nowMs: number, role = 'focal_point'): string {
  try {
    checkWindow(rules, role, nowMs);
    return 'open';
  } catch (err) {
    return err instanceof AppError ? err.code : 'crash';
  }
}

describe('registration window', () => {
  // Deadlines are instants: written with any offset, they mean the same moment for every client.
  const cases = [
    { zone: 'UTC−12', opens: '2026-03-01T00:00:00-12:00', closes: '2026-03-20T23:59:59-12:00' },
    { zone: 'UTC+14', opens: '2026-03-01T00:00:00+14:00', closes: '2026-03-20T23:59:59+14:00' },
  ];
  for (const c of cases) {
    it(`opens and closes at the exact instant, set from ${c.zone}`, () => {
      const rules = { ...conceptNoteRules(['ARG']), registrationOpensAt: c.opens, registrationClosesAt: c.closes };
      const opens = Date.parse(c.opens);
      const closes = Date.parse(c.closes);
      expect(outcome(rules, opens - 1)).toBe('registration_not_open');
      expect(outcome(rules, opens)).toBe('open');
      expect(outcome(rules, closes - 1)).toBe('open');
      expect(outcome(rules, closes)).toBe('deadline_passed');
      expect(outcome(rules, closes, 'secretariat')).toBe('open');
      expect(outcome(rules, opens - 1, 'cli')).toBe('open');
    });
  }

  it('has no bounds when neither instant is set (the demo meeting: the note gives none)', () => {
    const rules = conceptNoteRules(['ARG']);
    expect(outcome(rules, 0)).toBe('open');
    expect(outcome(rules, Date.parse('2100-01-01T00:00:00Z'))).toBe('open');
  });
});
