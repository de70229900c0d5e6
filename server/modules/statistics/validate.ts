import type { Breakdown, ReportCell } from '../../../shared/schemas/statistics.js';
import { breakdownKey, type IndicatorDef } from './repository.js';

/** A cell with where it came from: its index in a JSON body or its line in a file. */
export interface LocatedCell {
  at: number;
  cell: ReportCell;
}

/** One problem, on one cell's field; `reason` is a stable word the UI translates. */
export interface CellError {
  at: number;
  field: string;
  reason: string;
  message: string;
}

export interface ValidCell extends ReportCell {
  at: number;
  key: string;
  suppressedAtSource: boolean;
}

/*
 * Continental keeps aggregates only. Fields or text that look like a record about one person
 * (a name, a date of birth, a case file number) are refused rather than stored and hidden later.
 */
const PERSONAL_KEY =
  /(^|_|\b)(name|names|surname|first_?name|last_?name|birth|dob|date_?of_?birth|birth_?date|case|case_?id|case_?number|file_?number|passport|address|victim_?id|person_?id|id_?number)(_|\b|$)/i;
const PERSONAL_TEXT =
  /\b(date of birth|born on|d\.?o\.?b\.?|fecha de nacimiento|nacid[oa] el|date de naissance|née? le|data de nascimento|nascid[oa] em|case (no|number|id)\b|expediente n|causa n|dossier n|processo n)/i;
const DAY_TEXT = /\b(\d{1,2}[/.-]\d{1,2}[/.-](19|20)\d{2}|(19|20)\d{2}-\d{2}-\d{2})\b/;

/** Keys anywhere in a request body that name personal data; paths as Fastify gives them. */
export function personalKeys(body: unknown, path = 'body'): string[] {
  if (Array.isArray(body)) return body.flatMap((v, i) => personalKeys(v, `${path}/${i}`));
  if (body === null || typeof body !== 'object') return [];
  return Object.entries(body as Record<string, unknown>).flatMap(([k, v]) => [
    ...(PERSONAL_KEY.test(k) ? [`${path}/${k}`] : []),
    ...personalKeys(v, `${path}/${k}`),
  ]);
}

/** Why a free text looks like part of a victim-level record, or null. */
export function personalText(text: string | null | undefined): string | null {
  if (!text) return null;
  if (PERSONAL_TEXT.test(text))
    return 'looks like a personal record (date of birth or case file); give aggregates only';
  if (DAY_TEXT.test(text)) return 'holds a full date, which could be a date of birth; give the year only';
  return null;
}

/**
 * Checks a report's cells against the framework: known indicators and breakdowns (one dimension
 * per cell), non-negative integers or "below the threshold at source", no cell twice, and for
 * each indicator and dimension breakdowns that do not exceed the total and, where the indicator
 * requires it, add up to it. Every problem is returned, so a file is fixed in one round.
 */
export function checkCells(
  cells: LocatedCell[],
  defs: Map<string, IndicatorDef>,
  unreadable: ReadonlySet<string> = new Set(),
): { errors: CellError[]; valid: ValidCell[] } {
  const errors: CellError[] = [];
  const valid: ValidCell[] = [];
  const seen = new Map<string, number>();
  // An indicator with a wrong cell is not summed: its totals would only repeat that error.
  const faulty = new Set<string>(unreadable);
  const err = (at: number, field: string, reason: string, message: string) =>
    errors.push({ at, field, reason, message });
  for (const { at, cell } of cells) {
    const before = errors.length;
    const def = defs.get(cell.indicator);
    if (!def) err(at, 'indicator', 'unknown_indicator', `unknown indicator code "${cell.indicator}"`);
    const dims = Object.keys(cell.breakdown).filter((d) => cell.breakdown[d] !== 'total');
    if (dims.length > 1) {
      err(at, 'breakdown', 'one_dimension', 'give one dimension per figure (e.g. sex=female), not a cross-tabulation');
    }
    if (def) {
      for (const d of dims) {
        const allowed = def.breakdowns[d];
        const category = cell.breakdown[d] ?? '';
        if (!allowed) err(at, 'breakdown', 'unknown_dimension', `${cell.indicator} has no breakdown by "${d}"`);
        else if (!allowed.includes(category)) {
          err(at, 'breakdown', 'unknown_category', `"${category}" is not a category of ${d} (${allowed.join(', ')})`);
        }
      }
    }
    const atSource = cell.suppressedAtSource === true;
    if (cell.value === null && !atSource) {
      err(at, 'value', 'missing_value', 'give a count, or mark the figure as suppressed at source');
    } else if (cell.value !== null && atSource) {
      err(at, 'value', 'value_and_suppressed', 'a figure suppressed at source has no value');
    } else if (cell.value !== null && (!Number.isInteger(cell.value) || cell.value < 0)) {
      err(at, 'value', 'not_a_count', `${cell.value} is not a count (a whole number, 0 or more)`);
    }
    for (const field of ['source', 'notes'] as const) {
      const why = personalText(cell[field]);
      if (why) err(at, field, 'victim_level', why);
    }
    if (errors.length > before) {
      faulty.add(cell.indicator);
      continue;
    }
    const breakdown: Breakdown = Object.fromEntries(dims.map((d) => [d, cell.breakdown[d] ?? '']));
    const key = `${cell.indicator}|${breakdownKey(breakdown)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      err(at, 'breakdown', 'duplicate', `the same figure is given twice (first at ${earlier})`);
      continue;
    }
    seen.set(key, at);
    valid.push({ ...cell, at, breakdown, key: breakdownKey(breakdown), suppressedAtSource: atSource });
  }
  errors.push(
    ...checkTotals(
      valid.filter((c) => !faulty.has(c.indicator)),
      defs,
    ),
  );
  return { errors, valid };
}

/** Breakdowns against their total, per indicator and dimension; located on the total's cell. */
function checkTotals(cells: ValidCell[], defs: Map<string, IndicatorDef>): CellError[] {
  const errors: CellError[] = [];
  const byIndicator = new Map<string, ValidCell[]>();
  for (const c of cells) byIndicator.set(c.indicator, [...(byIndicator.get(c.indicator) ?? []), c]);
  for (const [code, list] of byIndicator) {
    const total = list.find((c) => c.key === '');
    if (!total || total.value === null) continue;
    const at = total.at;
    const dims = new Set(list.flatMap((c) => Object.keys(c.breakdown)));
    for (const d of dims) {
      const parts = list.filter((c) => c.breakdown[d] !== undefined);
      const known = parts.reduce((s, c) => s + (c.value ?? 0), 0);
      // A figure suppressed at source is at least 1.
      const atLeast = known + parts.filter((c) => c.value === null).length;
      if (atLeast > total.value) {
        errors.push({
          at,
          field: 'value',
          reason: 'breakdown_exceeds_total',
          message: `${code} by ${d} adds up to at least ${atLeast}, more than the total ${total.value}`,
        });
      } else if (defs.get(code)?.additive && parts.every((c) => c.value !== null) && known !== total.value) {
        errors.push({
          at,
          field: 'value',
          reason: 'breakdown_not_total',
          message: `${code} by ${d} adds up to ${known}, not the total ${total.value} (use the "unknown" category for the rest)`,
        });
      }
    }
  }
  return errors;
}
