import type { DataPoint } from '../../../shared/schemas/statistics.js';
import { AppError } from '../../http/errors.js';
import { byCode, publicSourceCells, sortPoints, suppressCells, validatedCells, type DataFilter } from './publish.js';
import type { Db } from './repository.js';

/*
 * Cursor paging of the published figures, by whole tables.
 *
 * Suppression works on a table (state × year × indicator): a page that cut a table in two would
 * suppress each half on its own and could publish a cell the whole table hides. So a page holds
 * whole tables only, in the public order (indicator, state, year), as many as fit in `limit`
 * rows; one table larger than `limit` makes a page on its own. The cursor names the last table
 * given, so the next page starts after it whatever was added or removed in between.
 *
 * Indicators are walked one at a time in code-unit order (sorted here, not by the database,
 * whose collation could put `_` elsewhere); within one indicator the database gives rows by
 * state and year from its indexes, stopping after the rows a page needs.
 */

export const DATA_PAGE_DEFAULT = 1000;
export const DATA_PAGE_MAX = 5000;

/** The last table of a page. */
export interface TableKey {
  indicator: string;
  state: string;
  year: number;
}

export function encodeDataCursor(t: TableKey): string {
  return Buffer.from(JSON.stringify([t.indicator, t.state, t.year]), 'utf8').toString('base64url');
}

export function decodeDataCursor(cursor: string): TableKey {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // Not JSON: refused below like any other foreign cursor.
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    typeof parsed[0] === 'string' &&
    parsed[0].length <= 40 &&
    typeof parsed[1] === 'string' &&
    parsed[1].length <= 3 &&
    Number.isInteger(parsed[2])
  ) {
    return { indicator: parsed[0], state: parsed[1], year: parsed[2] as number };
  }
  throw new AppError('validation_failed', 'The cursor is not one this API gave out.', {
    errors: [{ path: 'querystring/cursor', message: 'invalid cursor' }],
  });
}

export interface DataPage {
  data: DataPoint[];
  nextCursor: string | null;
}

type Filter = Pick<DataFilter, 'indicator' | 'state' | 'year'>;
/** A table's place within one indicator, as a string that sorts like (state, year); states are ISO3. */
const tableOf = (r: { state: string; year: number }) => `${r.state} ${String(r.year).padStart(6, '0')}`;

/** Every point of one table, suppressed. */
async function wholeTable(db: Db, indicator: string, state: string, year: number, k: number): Promise<DataPoint[]> {
  const f: DataFilter = { indicator, state, year };
  const [cells, sources] = await Promise.all([validatedCells(db, f), publicSourceCells(db, f)]);
  return sortPoints([...suppressCells(cells, k), ...sources]);
}

/**
 * The complete tables of one indicator after `after`, in order, fitting in `room` rows (or the
 * first one alone when `oversize` and it does not fit); `more` says whether tables are left.
 */
async function tablesOf(
  db: Db,
  filter: Filter,
  indicator: string,
  after: { state: string; year: number } | undefined,
  room: number,
  oversize: boolean,
  k: number,
): Promise<{ points: DataPoint[][]; more: boolean }> {
  const f: DataFilter = { ...filter, indicator, after, limit: room + 1 };
  const [cells, sources] = await Promise.all([validatedCells(db, f), publicSourceCells(db, f)]);
  // A source that gave room + 1 rows may have cut its last table: only tables before the first
  // such cut are known whole.
  const frontier = [cells, sources]
    .filter((rows) => rows.length > room)
    .map((rows) => tableOf(rows.at(-1)!))
    .sort()[0];
  const whole = (r: { state: string; year: number }) => frontier === undefined || tableOf(r) < frontier;
  const tables = new Map<string, DataPoint[]>();
  const add = (p: DataPoint) => {
    const key = tableOf(p);
    const table = tables.get(key);
    if (table) table.push(p);
    else tables.set(key, [p]);
  };
  for (const p of suppressCells(cells.filter(whole), k)) add(p);
  for (const p of sources.filter(whole)) add(p);
  const ordered = [...tables.keys()].sort().map((key) => sortPoints(tables.get(key)!));

  if (ordered.length === 0) {
    const first = [...cells, ...sources].sort((a, b) => byCode(tableOf(a), tableOf(b)))[0];
    if (!first) return { points: [], more: false };
    if (!oversize) return { points: [], more: true };
    // The first table alone is larger than the room: read it whole, it makes the page; a
    // one-row look past it says whether anything follows.
    const key = { state: first.state, year: first.year };
    const points = [await wholeTable(db, indicator, key.state, key.year, k)];
    return { points, more: (await tablesOf(db, filter, indicator, key, 0, false, k)).more };
  }
  const taken: DataPoint[][] = [];
  let rows = 0;
  for (const t of ordered) {
    if (rows + t.length > room && !(oversize && taken.length === 0)) break;
    taken.push(t);
    rows += t.length;
  }
  return { points: taken, more: taken.length < ordered.length || frontier !== undefined };
}

/** One page of the published figures matching a filter, suppression applied table by table. */
export async function dataPage(
  db: Db,
  filter: Filter,
  k: number,
  limit: number,
  cursor: TableKey | null,
  codes: string[],
): Promise<DataPage> {
  const indicators = [...(filter.indicator ? codes.filter((c) => c === filter.indicator) : codes)]
    .sort(byCode)
    .filter((c) => !cursor || byCode(c, cursor.indicator) >= 0);
  const data: DataPoint[] = [];
  let last: TableKey | null = null;
  for (const indicator of indicators) {
    const after = cursor && indicator === cursor.indicator ? { state: cursor.state, year: cursor.year } : undefined;
    const room = limit - data.length;
    // With no room left this only asks whether anything follows (one row).
    const { points, more } = await tablesOf(db, filter, indicator, after, Math.max(room, 0), data.length === 0, k);
    for (const table of points) {
      data.push(...table);
      const p = table[0]!;
      last = { indicator, state: p.state, year: p.year };
    }
    if (more) return { data, nextCursor: last ? encodeDataCursor(last) : null };
  }
  return { data, nextCursor: null };
}

/** Rows per batch of a download: enough to amortise the queries, small enough to bound memory. */
const EXPORT_BATCH = 5000;

/**
 * Every published figure matching a filter, batch after batch, for the downloads: memory stays
 * bounded by one batch however much is published, and suppression is the pages' (whole tables).
 */
export async function* publishedBatches(
  db: Db,
  filter: Filter,
  k: number,
  codes: string[],
): AsyncGenerator<DataPoint[]> {
  let cursor: TableKey | null = null;
  do {
    const page: DataPage = await dataPage(db, filter, k, EXPORT_BATCH, cursor, codes);
    if (page.data.length > 0) yield page.data;
    cursor = page.nextCursor ? decodeDataCursor(page.nextCursor) : null;
  } while (cursor);
}
