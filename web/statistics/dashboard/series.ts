import type { AggregateResponse, Breakdown, DataPoint, Indicator } from './types.js';

/** A national total's breakdown key. */
export const TOTAL = '';
/** The series of regional sums: they come from validated reports only (see the aggregates route). */
export const REGIONAL = 'regional';
const IMPORTED = ', imported ';

/** "age=child;sex=female", as the server keys breakdowns; '' for a national total. */
export function breakdownKey(b: Breakdown): string {
  return Object.keys(b)
    .sort()
    .map((d) => `${d}=${b[d]}`)
    .join(';');
}

export function parseBreakdownKey(key: string): Breakdown {
  if (key === TOTAL) return {};
  return Object.fromEntries(key.split(';').map((part) => part.split('=') as [string, string]));
}

/** Which dimensions a figure is broken down by ("age+sex"); '' for a national total. */
export function dimensionsKey(b: Breakdown): string {
  return Object.keys(b).sort().join('+');
}

/**
 * What may share a series: all validated state reports follow the framework's definitions, each
 * public source its own (the server's comparableSource, which ignores the import date).
 */
export function sourceKey(p: Pick<DataPoint, 'origin' | 'source'>): string {
  if (p.origin === 'reported') return 'reported';
  const at = p.source.lastIndexOf(IMPORTED);
  return `public:${at < 0 ? p.source : p.source.slice(0, at)}`;
}

/** A public source's name as it labels itself; null for validated reports and regional sums. */
export function publicSourceName(source: string): string | null {
  return source.startsWith('public:') ? source.slice('public:'.length) : null;
}

export interface Cell {
  value: number | null;
  shownAs: string;
  provisional: boolean;
  estimate: boolean;
}

export interface Series {
  key: string;
  /** A state's ISO3 or a region code. */
  place: string;
  kind: 'state' | 'region';
  /** sourceKey of every figure in it, or REGIONAL. */
  source: string;
  /** The breakdown key of its figures. */
  breakdown: string;
  /** Every source label its figures carry (a public source's with its import date), in order. */
  sources: string[];
  /** Year → the figures as published: a public source may give one cell twice, and both are kept. */
  cells: Map<number, Cell[]>;
}

const cellOf = (p: Pick<DataPoint, 'value' | 'shownAs'> & Partial<DataPoint>): Cell => ({
  value: p.value,
  shownAs: p.shownAs,
  provisional: p.provisional ?? false,
  estimate: p.estimate ?? false,
});

/**
 * One series per state × source × breakdown, never one that joins a validated report and a public
 * source. `breakdown` keeps one breakdown (a category compared across states); `dimensions` keeps
 * every category of one set of dimensions (a state's figures by sex).
 */
export function groupSeries(points: DataPoint[], keep: { breakdown?: string; dimensions?: string }): Series[] {
  const out = new Map<string, Series>();
  for (const p of points) {
    const b = breakdownKey(p.breakdown);
    if (keep.breakdown !== undefined && b !== keep.breakdown) continue;
    if (keep.dimensions !== undefined && dimensionsKey(p.breakdown) !== keep.dimensions) continue;
    const source = sourceKey(p);
    const key = `${p.state}|${source}|${b}`;
    let s = out.get(key);
    if (!s) {
      s = { key, place: p.state, kind: 'state', source, breakdown: b, sources: [], cells: new Map() };
      out.set(key, s);
    }
    if (!s.sources.includes(p.source)) s.sources.push(p.source);
    s.cells.set(p.year, [...(s.cells.get(p.year) ?? []), cellOf(p)]);
  }
  return [...out.values()];
}

/** A region's series of one breakdown, from the aggregates of each year. */
export function regionSeries(region: string, answers: AggregateResponse[], breakdown: string): Series {
  const cells = new Map<number, Cell[]>();
  const sources: string[] = [];
  for (const a of answers) {
    const cell = a.data.find((d) => breakdownKey(d.breakdown) === breakdown);
    if (!cell) continue;
    cells.set(a.year, [cellOf(cell)]);
    // Which states a year's sum covers: a sum of two states is not the region's total.
    sources.push(`${a.year}: ${a.states.join(', ')}`);
  }
  return {
    key: `${region}|${REGIONAL}|${breakdown}`,
    place: region,
    kind: 'region',
    source: REGIONAL,
    breakdown,
    sources,
    cells,
  };
}

/** Every year any series has a figure for, in order. */
export function yearsOf(series: Series[]): number[] {
  return [...new Set(series.flatMap((s) => [...s.cells.keys()]))].sort((a, b) => a - b);
}

/** A series' figure for a year when it is one number (not hidden, not given twice). */
export function numberAt(s: Series, year: number): number | null {
  const cells = s.cells.get(year);
  return cells?.length === 1 && cells[0]?.value != null ? cells[0].value : null;
}

export interface Trend {
  firstYear: number;
  first: number;
  lastYear: number;
  last: number;
}

/** The first and last years a series gives a number for; null with fewer than two. */
export function trendOf(s: Series): Trend | null {
  const years = [...s.cells.keys()].filter((y) => numberAt(s, y) !== null).sort((a, b) => a - b);
  const firstYear = years[0];
  const lastYear = years.at(-1);
  if (firstYear === undefined || lastYear === undefined || firstYear === lastYear) return null;
  return { firstYear, first: numberAt(s, firstYear) ?? 0, lastYear, last: numberAt(s, lastYear) ?? 0 };
}

export interface BreakdownOption {
  /** "" (national total), "sex", "age+sex", … */
  dimensions: string;
  /** Breakdown keys of its categories, in the indicator's order, then as published. */
  categories: string[];
}

/** The breakdowns the published figures have, the national total first, in the indicator's order. */
export function breakdownOptions(points: DataPoint[], indicator: Pick<Indicator, 'breakdowns'> | undefined) {
  const declared = Object.keys(indicator?.breakdowns ?? {});
  const rank = (dimension: string) => {
    const i = declared.indexOf(dimension);
    return i < 0 ? declared.length : i;
  };
  const categoryRank = (b: Breakdown) =>
    Object.keys(b)
      .sort()
      .map((d) => {
        const i = indicator?.breakdowns[d]?.indexOf(b[d] ?? '') ?? -1;
        return String(i < 0 ? 99 : i).padStart(2, '0');
      })
      .join('');
  const byDimensions = new Map<string, Map<string, Breakdown>>();
  for (const p of points) {
    const d = dimensionsKey(p.breakdown);
    const categories = byDimensions.get(d) ?? new Map<string, Breakdown>();
    categories.set(breakdownKey(p.breakdown), p.breakdown);
    byDimensions.set(d, categories);
  }
  // Single dimensions before crosses (as the framework reports them), each in the indicator's order.
  const order = (d: string) => (d === TOTAL ? -1 : d.split('+').length * 100 + Math.min(...d.split('+').map(rank)));
  return [...byDimensions.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([dimensions, categories]) => ({
      dimensions,
      categories: [...categories.entries()]
        .sort(([ka, a], [kb, b]) => categoryRank(a).localeCompare(categoryRank(b)) || ka.localeCompare(kb))
        .map(([key]) => key),
    }));
}

/** States with the most published figures for a breakdown: the default choice of a comparison. */
export function busiestStates(series: Series[], count: number): string[] {
  const figures = new Map<string, number>();
  for (const s of series) {
    if (s.kind !== 'state') continue;
    const numbers = [...s.cells.keys()].filter((y) => numberAt(s, y) !== null).length;
    figures.set(s.place, (figures.get(s.place) ?? 0) + numbers);
  }
  return [...figures.entries()]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, count)
    .map(([iso3]) => iso3);
}

/** The latest year with a number in any series, and the series with the highest numbers that year. */
export function latestLeaders(series: Series[], count: number): { year: number; leaders: Series[] } | null {
  const years = yearsOf(series).filter((y) => series.some((s) => numberAt(s, y) !== null));
  const year = years.at(-1);
  if (year === undefined) return null;
  const leaders = series
    .filter((s) => numberAt(s, year) !== null)
    .sort((a, b) => (numberAt(b, year) ?? 0) - (numberAt(a, year) ?? 0))
    .slice(0, count);
  return { year, leaders };
}
