import type { Breakdown, DataPoint } from '../../../shared/schemas/statistics.js';
import { parseJson } from '../../db/json.js';
import { breakdownKey, type Db } from './repository.js';
import { suppressGroup, type TableCell } from './suppression.js';

export interface DataFilter {
  indicator?: string;
  /** Several indicators (the scorecard's trends). */
  indicators?: string[];
  state?: string;
  /** States of a region, for aggregates. */
  states?: string[];
  year?: number;
  years?: number[];
  /** Keyset paging within one indicator: only tables after this state × year. */
  after?: { state: string; year: number };
  /** At most this many rows, in table order (state, year, indicator, breakdown). */
  limit?: number;
}

/** `in` with an empty list matches nothing; SQL has no empty list, so match an impossible value. */
const nonEmpty = <T>(list: T[], none: T): T[] => (list.length > 0 ? list : [none]);

/** A validated figure before suppression, with what the public label needs. */
interface RawCell {
  indicator: string;
  state: string;
  year: number;
  breakdown: Breakdown;
  value: number | null;
  provisional: boolean;
  estimate: boolean;
  source: string;
}

const shown = (value: number | null, hidden: boolean, k: number) => (hidden ? `<${k}` : String(value));

/** Validated state-reported figures: the last validated revision of each report, never a draft. */
export async function validatedCells(db: Db, f: DataFilter): Promise<RawCell[]> {
  /*
   * Reports first, then each report's figures from the cell index: there are few reports (states ×
   * years) and many figures. SQLite keeps the left table of a CROSS JOIN outside (its documented
   * way to fix a join order); without statistics its planner would otherwise scan every figure
   * when no state is given. PostgreSQL reads CROSS JOIN … WHERE as the inner join it is.
   */
  let q = db
    .selectFrom('stat_report as r')
    .crossJoin('stat_report_value as v')
    .whereRef('v.report_id', '=', 'r.id')
    .whereRef('v.revision', '=', 'r.published_revision')
    .select([
      'r.member_state',
      'r.year',
      'r.validated_at',
      'v.indicator_code',
      'v.breakdown',
      'v.value',
      'v.provisional',
      'v.estimate',
      'v.source',
    ]);
  if (f.indicator) q = q.where('v.indicator_code', '=', f.indicator);
  if (f.indicators) q = q.where('v.indicator_code', 'in', nonEmpty(f.indicators, ''));
  if (f.state) q = q.where('r.member_state', '=', f.state);
  if (f.states) q = q.where('r.member_state', 'in', nonEmpty(f.states, ''));
  if (f.year) q = q.where('r.year', '=', f.year);
  if (f.years) q = q.where('r.year', 'in', nonEmpty(f.years, 0));
  const after = f.after;
  if (after) {
    // The `>=` alone bounds the index range: SQLite's planner, given only the `or`, scans every figure.
    q = q
      .where('r.member_state', '>=', after.state)
      .where((eb) => eb.or([eb('r.member_state', '>', after.state), eb('r.year', '>', after.year)]));
  }
  q = q.orderBy('r.member_state').orderBy('r.year').orderBy('v.indicator_code').orderBy('v.breakdown_key');
  const rows = await (f.limit === undefined ? q : q.limit(f.limit)).execute();
  return rows.map((r) => ({
    indicator: r.indicator_code,
    state: r.member_state,
    year: r.year,
    breakdown: parseJson<Breakdown>(r.breakdown, 'stat_report_value.breakdown'),
    value: r.value,
    provisional: r.provisional === 1,
    estimate: r.estimate === 1,
    source: `${r.source ? `${r.source}; ` : ''}national report through Continental, validated ${(r.validated_at ?? '').slice(0, 10)}`,
  }));
}

/** Applies the suppression rule to each state (or region) × year × indicator of a list of figures. */
export function suppressCells(cells: RawCell[], k: number): DataPoint[] {
  const groups = new Map<string, RawCell[]>();
  for (const c of cells) {
    const key = `${c.state}|${c.year}|${c.indicator}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out: DataPoint[] = [];
  for (const group of groups.values()) {
    const table: TableCell[] = group.map((c) => {
      const [dimension] = Object.keys(c.breakdown);
      return {
        dimension: dimension ?? null,
        category: dimension ? (c.breakdown[dimension] ?? null) : null,
        value: c.value,
      };
    });
    const hidden = suppressGroup(table, k);
    group.forEach((c, i) => {
      const h = hidden.has(i);
      out.push({
        indicator: c.indicator,
        state: c.state,
        year: c.year,
        breakdown: c.breakdown,
        value: h ? null : c.value,
        suppressed: h,
        shownAs: shown(c.value, h, k),
        source: c.source,
        origin: 'reported',
        provisional: c.provisional,
        estimate: c.estimate,
      });
    });
  }
  return out;
}

const IMPORTED_SUFFIX = ', imported ';

/**
 * Which figures may be compared or combined: all validated state reports follow the framework's
 * definitions, so they form one source; each public source keeps its own definitions and
 * breakdowns, so it is one source whatever the date each of its figures was imported.
 */
export function comparableSource(p: Pick<DataPoint, 'origin' | 'source'>): string {
  if (p.origin === 'reported') return 'reported';
  const at = p.source.lastIndexOf(IMPORTED_SUFFIX);
  return `public:${at < 0 ? p.source : p.source.slice(0, at)}`;
}

/** Figures from an already-public source, exactly as published (their own "<5" kept). */
export async function publicSourceCells(db: Db, f: DataFilter): Promise<DataPoint[]> {
  let q = db.selectFrom('stat_public_value').selectAll();
  if (f.indicator) q = q.where('indicator_code', '=', f.indicator);
  if (f.indicators) q = q.where('indicator_code', 'in', nonEmpty(f.indicators, ''));
  if (f.state) q = q.where('member_state', '=', f.state);
  if (f.states) q = q.where('member_state', 'in', nonEmpty(f.states, ''));
  if (f.year) q = q.where('year', '=', f.year);
  if (f.years) q = q.where('year', 'in', nonEmpty(f.years, 0));
  const after = f.after;
  if (after) {
    q = q
      .where('member_state', '>=', after.state)
      .where((eb) => eb.or([eb('member_state', '>', after.state), eb('year', '>', after.year)]));
  }
  q = q.orderBy('member_state').orderBy('year').orderBy('indicator_code').orderBy('breakdown_key').orderBy('seq');
  const rows = await (f.limit === undefined ? q : q.limit(f.limit)).execute();
  return rows.map((r) => ({
    indicator: r.indicator_code,
    state: r.member_state,
    year: r.year,
    breakdown: parseJson<Breakdown>(r.breakdown, 'stat_public_value.breakdown'),
    value: r.value,
    suppressed: r.value === null,
    shownAs: r.shown_as ?? String(r.value),
    source: `${r.source}${IMPORTED_SUFFIX}${r.imported_at.slice(0, 10)}`,
    origin: 'public_source',
    provisional: false,
    estimate: false,
  }));
}

/** Plain code-unit order: the same in every locale and on both engines, so cursors stay valid. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The public order: indicator, state, year (a table), then within a table origin and breakdown.
 * Breakdown keys are computed once per point, not once per comparison.
 */
export function sortPoints(points: DataPoint[]): DataPoint[] {
  const keyed = points.map((p) => ({ p, key: breakdownKey(p.breakdown) }));
  keyed.sort(
    (a, b) =>
      byCode(a.p.indicator, b.p.indicator) ||
      byCode(a.p.state, b.p.state) ||
      a.p.year - b.p.year ||
      byCode(a.p.origin, b.p.origin) ||
      byCode(a.key, b.key),
  );
  return keyed.map((k) => k.p);
}

/**
 * Everything the public may see for a filter, unpaged: validated reports with suppression, then
 * public sources. Suppression needs whole tables, so a filter must not cut one (`limit` is for
 * the pager, which cuts at table boundaries).
 */
export async function publishedData(db: Db, f: DataFilter, k: number): Promise<DataPoint[]> {
  const [cells, sources] = await Promise.all([validatedCells(db, f), publicSourceCells(db, f)]);
  return sortPoints([...suppressCells(cells, k), ...sources]);
}

/**
 * A region's figures: the sum over its states of their validated, unsuppressed figures, then
 * suppressed by the same rule (a sum of small numbers can itself be small). A figure a state
 * gave as suppressed at source makes the regional figure unknown, hence hidden.
 */
export async function regionalData(db: Db, indicator: string, year: number, states: string[], k: number) {
  const cells = await validatedCells(db, { indicator, year, states });
  const sums = new Map<string, { breakdown: Breakdown; value: number | null }>();
  for (const c of cells) {
    const key = breakdownKey(c.breakdown);
    const s = sums.get(key) ?? { breakdown: c.breakdown, value: 0 };
    s.value = s.value === null || c.value === null ? null : s.value + c.value;
    sums.set(key, s);
  }
  const list = [...sums.values()].sort((a, b) => breakdownKey(a.breakdown).localeCompare(breakdownKey(b.breakdown)));
  const raw: RawCell[] = list.map((s) => ({
    indicator,
    state: 'region',
    year,
    breakdown: s.breakdown,
    value: s.value,
    provisional: false,
    estimate: false,
    source: '',
  }));
  return {
    states: [...new Set(cells.map((c) => c.state))].sort(),
    data: suppressCells(raw, k).map((p) => ({
      breakdown: p.breakdown,
      value: p.value,
      suppressed: p.suppressed,
      shownAs: p.shownAs,
    })),
  };
}

export const DATA_CSV_HEADER = ['indicator', 'state', 'year', 'breakdown', 'value', 'suppressed', 'origin', 'source'];

/** One published figure as a CSV row, suppression applied; formulas are defused by the CSV writer. */
export const dataCsvRow = (p: DataPoint): (string | null)[] => [
  p.indicator,
  p.state,
  String(p.year),
  breakdownKey(p.breakdown),
  p.shownAs,
  p.suppressed ? 'yes' : 'no',
  p.origin,
  p.source,
];
