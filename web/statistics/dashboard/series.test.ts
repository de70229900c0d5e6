import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json' with { type: 'json' };
import es from '../../../locales/es.json' with { type: 'json' };
import { statsLabels } from './labels.js';
import { breakdownOptions, groupSeries, numberAt, regionSeries, TOTAL, trendOf } from './series.js';
import type { DataPoint } from './types.js';

const GLOTIP = 'UNODC Global Report on Trafficking in Persons (GLOTIP) data';

function point(p: Partial<DataPoint> & Pick<DataPoint, 'year' | 'value'>): DataPoint {
  return {
    indicator: 'victims_detected',
    state: 'ARG',
    breakdown: {},
    suppressed: p.value === null,
    shownAs: p.value === null ? '<5' : String(p.value),
    source: `${GLOTIP}, imported 2025-01-10`,
    origin: 'public_source',
    provisional: false,
    estimate: false,
    ...p,
  };
}
const reported = (year: number, value: number | null, breakdown = {}) =>
  point({
    year,
    value,
    breakdown,
    origin: 'reported',
    source: `national report through Continental, validated ${year + 1}-03-01`,
  });

describe('dashboard series', () => {
  it('keeps a validated report and a public source of one state in two series, whatever the import dates', () => {
    const series = groupSeries(
      [
        point({ year: 2017, value: 98 }),
        point({ year: 2018, value: 113, source: `${GLOTIP}, imported 2026-02-01` }),
        reported(2019, 120),
        reported(2020, 130),
      ],
      { breakdown: TOTAL },
    );
    expect(series.map((s) => [s.source, [...s.cells.keys()]])).toEqual([
      [`public:${GLOTIP}`, [2017, 2018]],
      ['reported', [2019, 2020]],
    ]);
    // The trend of each series stays within it: never 113 (GLOTIP 2018) → 120 (report 2019).
    expect(series.map(trendOf)).toEqual([
      { firstYear: 2017, first: 98, lastYear: 2018, last: 113 },
      { firstYear: 2019, first: 120, lastYear: 2020, last: 130 },
    ]);
  });

  it('keeps both figures of a cell its source published twice, and draws neither as the one number', () => {
    const [s] = groupSeries(
      [
        point({ year: 2017, value: 62, breakdown: { sex: 'female' } }),
        point({ year: 2017, value: 43, breakdown: { sex: 'female' } }),
      ],
      { breakdown: 'sex=female' },
    );
    expect(s?.cells.get(2017)?.map((c) => c.shownAs)).toEqual(['62', '43']);
    expect(s && numberAt(s, 2017)).toBeNull();
  });

  it('offers the national total first, then the breakdowns in the indicator’s order', () => {
    const options = breakdownOptions(
      [
        point({ year: 2018, value: 5, breakdown: { sex: 'male', age: 'child' } }),
        point({ year: 2018, value: 7, breakdown: { age: 'adult' } }),
        point({ year: 2018, value: 9, breakdown: { sex: 'male' } }),
        point({ year: 2018, value: 4, breakdown: { sex: 'female' } }),
        point({ year: 2018, value: 20, breakdown: {} }),
      ],
      { breakdowns: { sex: ['female', 'male'], age: ['child', 'adult'] } },
    );
    expect(options).toEqual([
      { dimensions: '', categories: [''] },
      { dimensions: 'sex', categories: ['sex=female', 'sex=male'] },
      { dimensions: 'age', categories: ['age=adult'] },
      { dimensions: 'age+sex', categories: ['age=child;sex=male'] },
    ]);
  });

  it('builds a region’s series from its yearly sums, naming the states each sum covers', () => {
    const s = regionSeries(
      'caribbean',
      [
        {
          indicator: 'victims_detected',
          year: 2020,
          region: 'caribbean',
          states: ['JAM', 'TTO'],
          data: [
            { breakdown: {}, value: 19, suppressed: false, shownAs: '19' },
            { breakdown: { sex: 'female' }, value: null, suppressed: true, shownAs: '<5' },
          ],
        },
      ],
      'sex=female',
    );
    expect(s.cells.get(2020)).toEqual([{ value: null, shownAs: '<5', provisional: false, estimate: false }]);
    expect(s.sources).toEqual(['2020: JAM, TTO']);
  });

  it('shows a hidden figure as published, zero as 0, and counts in the reader’s number format', () => {
    const inEnglish = statsLabels(createIntl({ locale: 'en', messages: en }), []);
    const inSpanish = statsLabels(createIntl({ locale: 'es', messages: es }), []);
    const cell = (value: number | null, shownAs: string) => ({ value, shownAs, provisional: false, estimate: false });
    expect(inEnglish.cell(cell(null, '<5'))).toBe('<5');
    expect(inEnglish.cell(cell(null, '<11'))).toBe('<11');
    expect(inEnglish.cell(cell(0, '0'))).toBe('0');
    expect(inEnglish.cell(cell(1282, '1282'))).toBe('1,282');
    expect(inSpanish.cell(cell(12820, '12820'))).toBe('12.820');
    expect(inSpanish.breakdown('age=child;sex=female')).toBe(
      'Edad: niños y niñas (menores de 18 años) · Sexo: mujeres',
    );
    // A category the catalogue does not know (a country name as GLOTIP published it) stays as published.
    expect(inEnglish.breakdown('citizenship_as_published=Paraguay')).toBe('Citizenship (as published): Paraguay');
  });
});
