import type { IntlShape } from 'react-intl';
import type { FieldProblem } from '../../api.js';
import { sumDetails, type CellProblem, type GridRow } from './grid.js';
import type { Indicator } from './types.js';

/** A catalogue word when there is one; a code the secretariat added later shows as it is. */
function word(intl: IntlShape, id: string, fallback: string): string {
  return intl.messages[id] === undefined ? fallback : intl.formatMessage({ id });
}

export const dimensionName = (intl: IntlShape, d: string) => word(intl, `reporting.dim.${d}`, d);
export const categoryName = (intl: IntlShape, c: string) => word(intl, `reporting.cat.${c}`, c);

/** "Total", or "Female" under its dimension's heading. */
export function rowName(intl: IntlShape, row: GridRow): string {
  return row.category ? categoryName(intl, row.category) : intl.formatMessage({ id: 'reporting.grid.total' });
}

/** "Victims detected, by sex: female" — a row named on its own, for error summaries and labels. */
export function rowFullName(intl: IntlShape, row: GridRow, indicators: Indicator[]): string {
  const indicator = indicators.find((i) => i.code === row.indicator)?.name ?? row.indicator;
  if (!row.dimension || !row.category) {
    return intl.formatMessage({ id: 'reporting.grid.totalOf' }, { indicator });
  }
  return intl.formatMessage(
    { id: 'reporting.grid.categoryOf' },
    { indicator, dimension: dimensionName(intl, row.dimension), category: categoryName(intl, row.category) },
  );
}

// The reasons server/modules/statistics/validate.ts and report-file.ts give.
const REASONS = new Set([
  'not_a_count',
  'missing_value',
  'value_and_suppressed',
  'victim_level',
  'unknown_indicator',
  'unknown_dimension',
  'unknown_category',
  'one_dimension',
  'duplicate',
  'missing_columns',
  'unknown_columns',
  'too_many_rows',
  'unclosed_quote',
  'not_xlsx',
]);

/** One problem of a figure or of a file line, in the reader's language. */
export function reasonText(intl: IntlShape, reason: string | null, message: string, part = 'value'): string {
  if (reason === 'breakdown_exceeds_total' || reason === 'breakdown_not_total') {
    const d = sumDetails(message);
    if (d) {
      return intl.formatMessage(
        { id: `reporting.problem.${reason}` },
        { dimension: dimensionName(intl, d.dimension), sum: d.sum, total: d.total },
      );
    }
  }
  if (reason === 'missing_columns' || reason === 'unknown_columns') {
    // The column names are the file's own identifiers, the same in every language.
    const columns = message.split(': ')[1] ?? '';
    return intl.formatMessage({ id: `reporting.problem.${reason}` }, { columns });
  }
  if (reason && REASONS.has(reason)) return intl.formatMessage({ id: `reporting.problem.${reason}` });
  // Schema refusals carry no reason: a value that is not an integer is the one the grid can send.
  if (part === 'value') return intl.formatMessage({ id: 'reporting.problem.not_a_count' });
  return intl.formatMessage({ id: 'reporting.problem.other' });
}

/** "Figure: problem", punctuated as the language does it. */
export const problemAt = (intl: IntlShape, figure: string, problem: string): string =>
  intl.formatMessage({ id: 'reporting.problem.at' }, { figure, problem });

/** A grid problem for the error summary: which figure, then what is wrong with it. */
export function cellProblemText(intl: IntlShape, p: CellProblem, indicators: Indicator[]): string {
  const text = reasonText(intl, p.reason, p.message, p.part);
  return p.row ? problemAt(intl, rowFullName(intl, p.row, indicators), text) : text;
}

/** A refused file's problem: its line, the column, what is wrong. */
export function lineProblemText(intl: IntlShape, p: FieldProblem): string {
  const [, line, column] = /^line\/(\d+)\/(\w+)/.exec(p.path) ?? [];
  const problem = reasonText(intl, p.reason ?? null, p.message, column);
  return intl.formatMessage(
    { id: 'reporting.import.line' },
    { line: Number(line ?? 0), column: column ?? 'file', problem },
  );
}
