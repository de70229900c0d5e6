import type { Indicator, ReportCell, StoredCell } from './types.js';

/*
 * The reporting grid as data: one row per figure an indicator takes (its national total, then
 * each category of each breakdown on its own, as the server wants one dimension per figure),
 * what the reader typed in each row, and the request body built from it.
 */

export interface GridRow {
  /** `indicator|dimension=category`, '' after the bar for the total: as the server keys cells. */
  key: string;
  indicator: string;
  dimension: string | null;
  category: string | null;
  /** The prefix of this row's control ids (`-value`, `-source`, …). */
  id: string;
}

export interface Entry {
  value: string;
  provisional: boolean;
  estimate: boolean;
  source: string;
  notes: string;
}

export type Entries = Record<string, Entry>;

export const EMPTY_ENTRY: Entry = { value: '', provisional: false, estimate: false, source: '', notes: '' };
/** How a figure suppressed at source is typed and shown (the file template takes the same). */
export const AT_SOURCE = '<5';

export const rowKey = (indicator: string, breakdown: Record<string, string>): string =>
  `${indicator}|${Object.keys(breakdown)
    .sort()
    .map((d) => `${d}=${breakdown[d]}`)
    .join(';')}`;

/** The rows of one indicator: its total first, then every category of every breakdown. */
export function indicatorRows(indicator: Indicator): GridRow[] {
  const code = indicator.code;
  return [
    { key: `${code}|`, indicator: code, dimension: null, category: null, id: `cell-${code}-total` },
    ...Object.entries(indicator.breakdowns).flatMap(([dimension, categories]) =>
      categories.map((category) => ({
        key: rowKey(code, { [dimension]: category }),
        indicator: code,
        dimension,
        category,
        id: `cell-${code}-${dimension}-${category}`,
      })),
    ),
  ];
}

/** The stored figures of a report as the grid shows them. */
export function entriesFrom(cells: StoredCell[]): Entries {
  return Object.fromEntries(
    cells.map((c) => [
      rowKey(c.indicator, c.breakdown),
      {
        value: c.suppressedAtSource ? AT_SOURCE : c.value === null ? '' : String(c.value),
        provisional: c.provisional,
        estimate: c.estimate,
        source: c.source ?? '',
        notes: c.notes ?? '',
      },
    ]),
  );
}

export type Parsed = { value: number | null; suppressedAtSource: boolean } | { unreadable: true };

/**
 * A typed figure: "1,282" and "1 282" are 1282 (as in the files), "<5" is suppressed at source.
 * Negative and decimal numbers go to the server as numbers, so its own message names them.
 */
export function parseValue(text: string): Parsed {
  const t = text.trim();
  if (t === '') return { value: null, suppressedAtSource: false };
  if (/^<\s*\d+$/.test(t)) return { value: null, suppressedAtSource: true };
  const plain = t.replace(/^(-?\d{1,3})([, \u00a0\u202f]\d{3})+$/, (m) => m.replace(/[, \u00a0\u202f]/g, ''));
  if (/^-?\d+(\.\d+)?$/.test(plain)) return { value: Number(plain), suppressedAtSource: false };
  return { unreadable: true };
}

const used = (e: Entry) => e.value.trim() !== '' || e.source.trim() !== '' || e.notes.trim() !== '';

export interface Body {
  values: ReportCell[];
  /** The row of each sent cell, by index: the server's `body/values/N/…` paths point back here. */
  rows: GridRow[];
  /** Rows whose value cannot be sent as a number at all. */
  unreadable: GridRow[];
}

/**
 * The PUT body: every row with something typed, in grid order. A row with notes but no figure is
 * sent too, so the server says the figure is missing rather than the notes silently vanishing.
 */
export function bodyFrom(rows: GridRow[], entries: Entries): Body {
  const body: Body = { values: [], rows: [], unreadable: [] };
  for (const row of rows) {
    const e = entries[row.key];
    if (!e || !used(e)) continue;
    const parsed = parseValue(e.value);
    if ('unreadable' in parsed) {
      body.unreadable.push(row);
      continue;
    }
    body.values.push({
      indicator: row.indicator,
      breakdown: row.dimension && row.category ? { [row.dimension]: row.category } : {},
      value: parsed.value,
      ...(parsed.suppressedAtSource ? { suppressedAtSource: true } : {}),
      ...(e.provisional ? { provisional: true } : {}),
      ...(e.estimate ? { estimate: true } : {}),
      ...(e.source.trim() ? { source: e.source.trim() } : {}),
      ...(e.notes.trim() ? { notes: e.notes.trim() } : {}),
    });
    body.rows.push(row);
  }
  return body;
}

export interface CellProblem {
  /** The control the problem is about (a row's value, source or notes), or null. */
  field: string | null;
  row: GridRow | null;
  /** value, source, notes, breakdown, indicator… */
  part: string;
  reason: string | null;
  message: string;
}

const FIELD_PARTS = new Set(['value', 'source', 'notes', 'provisional', 'estimate']);

/** `body/values/3/value` → the control of the fourth sent row's value; anything else stays unplaced. */
export function placeProblems(
  problems: { path: string; reason?: string; message: string }[],
  sent: GridRow[],
): CellProblem[] {
  return problems.map((p) => {
    const m = /^\/?(?:body)?\/values\/(\d+)(?:\/([a-zA-Z]+))?/.exec(p.path);
    const row = m ? (sent[Number(m[1])] ?? null) : null;
    const part = m?.[2] ?? 'value';
    const field = row ? `${row.id}-${FIELD_PARTS.has(part) ? part : 'value'}` : null;
    return { field, row, part, reason: p.reason ?? null, message: p.message };
  });
}

/** "victims_detected by sex adds up to at least 12, more than the total 10" → its numbers. */
export function sumDetails(message: string): { dimension: string; sum: number; total: number } | null {
  const m = /by (\S+) adds up to (?:at least )?(\d+), (?:more than|not) the total (\d+)/.exec(message);
  return m ? { dimension: m[1] ?? '', sum: Number(m[2]), total: Number(m[3]) } : null;
}
