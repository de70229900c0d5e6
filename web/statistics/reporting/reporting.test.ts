import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json' with { type: 'json' };
import fr from '../../../locales/fr.json' with { type: 'json' };
import { bodyFrom, entriesFrom, indicatorRows, parseValue, placeProblems, type Entries } from './grid.js';
import { cellProblemText, lineProblemText } from './labels.js';
import type { Indicator } from './types.js';

const victims: Indicator = {
  code: 'victims_detected',
  name: 'Victims of trafficking detected',
  definition: '',
  methodology: '',
  unit: 'persons',
  breakdowns: { sex: ['female', 'male', 'unknown'], age: ['child', 'adult'] },
  additive: true,
};
const rows = indicatorRows(victims);
const entry = (value: string, more = {}) => ({
  value,
  provisional: false,
  estimate: false,
  source: '',
  notes: '',
  ...more,
});

describe('the grid’s rows', () => {
  it('are the total, then every category of each breakdown on its own', () => {
    expect(rows.map((r) => r.key)).toEqual([
      'victims_detected|',
      'victims_detected|sex=female',
      'victims_detected|sex=male',
      'victims_detected|sex=unknown',
      'victims_detected|age=child',
      'victims_detected|age=adult',
    ]);
    expect(rows[1]?.id).toBe('cell-victims_detected-sex-female');
  });
});

describe('a typed figure', () => {
  it('reads counts with thousands separators, <5 as suppressed at source, and keeps negatives for the server', () => {
    expect(parseValue(' 1,282 ')).toEqual({ value: 1282, suppressedAtSource: false });
    expect(parseValue('1 282')).toEqual({ value: 1282, suppressedAtSource: false });
    expect(parseValue('<5')).toEqual({ value: null, suppressedAtSource: true });
    expect(parseValue('-2')).toEqual({ value: -2, suppressedAtSource: false });
    expect(parseValue('2.5')).toEqual({ value: 2.5, suppressedAtSource: false });
    expect(parseValue('many')).toEqual({ unreadable: true });
  });
});

describe('the request body', () => {
  it('sends typed rows in grid order, with flags and texts, and remembers which row each is', () => {
    const entries: Entries = {
      'victims_detected|sex=male': entry('4', { estimate: true }),
      'victims_detected|': entry('10', { source: ' Police ' }),
      'victims_detected|sex=female': entry(''),
      'victims_detected|age=child': entry('', { notes: 'Counted with adults' }),
      'victims_detected|age=adult': entry('many'),
    };
    const body = bodyFrom(rows, entries);
    expect(body.values).toEqual([
      { indicator: 'victims_detected', breakdown: {}, value: 10, source: 'Police' },
      { indicator: 'victims_detected', breakdown: { sex: 'male' }, value: 4, estimate: true },
      { indicator: 'victims_detected', breakdown: { age: 'child' }, value: null, notes: 'Counted with adults' },
    ]);
    expect(body.rows.map((r) => r.key)).toEqual([
      'victims_detected|',
      'victims_detected|sex=male',
      'victims_detected|age=child',
    ]);
    expect(body.unreadable.map((r) => r.key)).toEqual(['victims_detected|age=adult']);
  });

  it('round-trips the stored figures, a suppressed one as <5', () => {
    const entries = entriesFrom([
      {
        indicator: 'victims_detected',
        breakdown: { sex: 'female' },
        value: null,
        suppressedAtSource: true,
        provisional: true,
        estimate: false,
        source: null,
        notes: null,
      },
    ]);
    expect(entries['victims_detected|sex=female']).toMatchObject({ value: '<5', provisional: true });
    expect(bodyFrom(rows, entries).values).toEqual([
      {
        indicator: 'victims_detected',
        breakdown: { sex: 'female' },
        value: null,
        suppressedAtSource: true,
        provisional: true,
      },
    ]);
  });
});

describe('the server’s problems', () => {
  const sent = [rows[0]!, rows[1]!];
  it('land on the cell each path points to, translated with the figure named', () => {
    const placed = placeProblems(
      [
        { path: 'body/values/1/value', reason: 'not_a_count', message: '-2 is not a count' },
        {
          path: 'body/values/0/value',
          reason: 'breakdown_not_total',
          message: 'victims_detected by sex adds up to 9, not the total 10 (use the "unknown" category for the rest)',
        },
        { path: 'body/values/0/notes', reason: 'victim_level', message: 'looks like a personal record' },
      ],
      sent,
    );
    expect(placed.map((p) => p.field)).toEqual([
      'cell-victims_detected-sex-female-value',
      'cell-victims_detected-total-value',
      'cell-victims_detected-total-notes',
    ]);
    const intl = createIntl({ locale: 'fr', messages: fr });
    expect(cellProblemText(intl, placed[0]!, [victims])).toBe(
      'Victims of trafficking detected, sexe : Femmes : Indiquez un nombre entier, 0 ou plus.',
    );
    expect(cellProblemText(intl, placed[1]!, [victims])).toContain(
      'Par sexe, les chiffres font 9, et non le total de 10.',
    );
  });

  it('of a refused file name each line', () => {
    const intl = createIntl({ locale: 'en', messages: en });
    expect(
      lineProblemText(intl, { path: 'line/3/value', reason: 'not_a_count', message: '"abc" is not a whole number' }),
    ).toBe('Row 3, count: Give a whole number, 0 or more.');
    expect(
      lineProblemText(intl, {
        path: 'line/1/header',
        reason: 'missing_columns',
        message: 'missing column(s): value',
      }),
    ).toBe('Row 1, header row: Columns missing from the header row: value.');
  });
});
