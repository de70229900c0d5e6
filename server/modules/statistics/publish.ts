import type { Breakdown, DataPoint } from '../../../shared/schemas/statistics.js';
import { parseJson } from '../../db/json.js';
import { breakdownKey, type Db } from './repository.js';
import { suppressGroup, type TableCell } from './suppression.js';

export interface DataFilter {
  indicator?: string;
  state?: string;
  /** States of a region, for aggregates. */
  states?: string[];
  year?: number;
}

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
  let q = db
    .selectFrom('stat_report_value as v')
    .innerJoin('stat_report as r', (j) =>
      j.onRef('r.id', '=', 'v.report_id').onRef('r.published_revision', '=', 'v.revision'),
    )
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
  if (f.state) q = q.where('r.member_state', '=', f.state);
  if (f.states) q = q.where('r.member_state', 'in', f.states.length ? f.states : ['']);
  if (f.year) q = q.where('r.year', '=', f.year);
  const rows = await q
    .orderBy('r.member_state')
    .orderBy('r.year')
    .orderBy('v.indicator_code')
    .orderBy('v.breakdown_key')
    .execute();
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
    groups.set(key, [...(groups.get(key) ?? []), c]);
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
  if (f.state) q = q.where('member_state', '=', f.state);
  if (f.year) q = q.where('year', '=', f.year);
  const rows = await q
    .orderBy('member_state')
    .orderBy('year')
    .orderBy('indicator_code')
    .orderBy('breakdown_key')
    .orderBy('seq')
    .execute();
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

/** Everything the public may see for a filter: validated reports with suppression, then public sources. */
export async function publishedData(db: Db, f: DataFilter, k: number): Promise<DataPoint[]> {
  const reported = suppressCells(await validatedCells(db, f), k);
  const all = [...reported, ...(await publicSourceCells(db, f))];
  return all.sort(
    (a, b) =>
      a.indicator.localeCompare(b.indicator) ||
      a.state.localeCompare(b.state) ||
      a.year - b.year ||
      a.origin.localeCompare(b.origin) ||
      breakdownKey(a.breakdown).localeCompare(breakdownKey(b.breakdown)),
  );
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

/** The published figures as CSV, suppression applied; formulas defused by the CSV writer. */
export function dataCsv(points: DataPoint[], line: (v: (string | null)[]) => string): string {
  const rows = [line(['indicator', 'state', 'year', 'breakdown', 'value', 'suppressed', 'origin', 'source'])];
  for (const p of points) {
    rows.push(
      line([
        p.indicator,
        p.state,
        String(p.year),
        breakdownKey(p.breakdown),
        p.shownAs,
        p.suppressed ? 'yes' : 'no',
        p.origin,
        p.source,
      ]),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
