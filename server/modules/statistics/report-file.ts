import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/lang.js';
import type { ReportCell } from '../../../shared/schemas/statistics.js';
import { AppError } from '../../http/errors.js';
import { CsvSyntaxError, csvLine, parseCsv, undefuse, type CsvRecord } from '../treaties/csv.js';
import { presentIndicator, type IndicatorRow } from './repository.js';
import type { CellError, LocatedCell } from './validate.js';
import { personalKeys } from './validate.js';

/** The columns of a report file; `indicator_name` is there for people and ignored on import. */
export const REPORT_COLUMNS = ['indicator', 'dimension', 'category', 'value'] as const;
const OPTIONAL = ['indicator_name', 'source', 'notes', 'provisional', 'estimate'] as const;
const MAX_ROWS = 5000;
const MAX_REPORTED = 200;

/** Refuses a whole file with every problem by line and column (`path` like `line/12/value`). */
export function failLines(errors: CellError[]): never {
  const first = errors[0];
  throw new AppError(
    'validation_failed',
    `${errors.length} problem(s); nothing was imported. First: line ${first?.at}, ${first?.field}: ${first?.message}`,
    {
      errors: errors.slice(0, MAX_REPORTED).map((e) => ({
        path: `line/${e.at}/${e.field}`,
        line: e.at,
        column: e.field,
        reason: e.reason,
        message: e.message,
      })),
    },
  );
}

/** A count as people type it in a spreadsheet: "1,282" and "1 282" are 1282; "<5" is suppressed at source. */
function parseCount(text: string): { value: number | null; atSource: boolean } | string {
  const t = text.trim();
  if (/^<\s*\d+$/.test(t)) return { value: null, atSource: true };
  const plain = t.replace(/^(\d{1,3})([, \u00a0\u202f]\d{3})+$/, (m) => m.replace(/[, \u00a0\u202f]/g, ''));
  if (/^\d+$/.test(plain)) return { value: Number(plain), atSource: false };
  if (/^-\s*\d/.test(t)) return `${t} is negative; counts are 0 or more`;
  return `"${t}" is not a whole number`;
}

const yes = (t: string | undefined) => /^(1|yes|true|y|x|s[ií]|oui|sim)$/i.test((t ?? '').trim());

/** Rows of a report file → cells located by line; rows with no value are figures not reported. */
export interface ReadFile {
  cells: LocatedCell[];
  errors: CellError[];
  /** Indicators with a row that could not be read, whose totals are therefore not checked. */
  unreadable: Set<string>;
}

export function readReportRecords(records: CsvRecord[]): ReadFile {
  const [header, ...rows] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const errors: CellError[] = [];
  const headerError = (reason: string, message: string) => errors.push({ at: 1, field: 'header', reason, message });
  const missing = REPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) headerError('missing_columns', `missing column(s): ${missing.join(', ')}`);
  const known: readonly string[] = [...REPORT_COLUMNS, ...OPTIONAL];
  const extra = columns.filter((c) => !known.includes(c));
  const personal = personalKeys(Object.fromEntries(extra.map((c) => [c, ''])), 'header');
  for (const p of personal) {
    headerError('victim_level', `column "${p.split('/')[1]}" looks like personal data; report aggregates only`);
  }
  const unknown = extra.filter((c) => !personal.includes(`header/${c}`));
  if (unknown.length) headerError('unknown_columns', `unknown column(s): ${unknown.join(', ')}`);
  if (rows.length > MAX_ROWS) headerError('too_many_rows', `at most ${MAX_ROWS} rows per file`);
  const unreadable = new Set<string>();
  if (errors.length) return { cells: [], errors, unreadable };
  const cells: LocatedCell[] = [];
  for (const r of rows) {
    const v = Object.fromEntries(columns.map((c, i) => [c, undefuse(r.fields[i] ?? '').trim()]));
    if ((v.value ?? '') === '') continue;
    const count = parseCount(v.value ?? '');
    if (typeof count === 'string') {
      errors.push({ at: r.line, field: 'value', reason: 'not_a_count', message: count });
      unreadable.add(v.indicator ?? '');
      continue;
    }
    const dimension = (v.dimension ?? '').toLowerCase();
    const total = dimension === '' || dimension === 'total';
    const cell: ReportCell = {
      indicator: v.indicator ?? '',
      breakdown: total ? {} : { [dimension]: (v.category ?? '').toLowerCase() },
      value: count.value,
      suppressedAtSource: count.atSource,
      provisional: yes(v.provisional),
      estimate: yes(v.estimate),
      source: v.source || null,
      notes: v.notes || null,
    };
    cells.push({ at: r.line, cell });
  }
  return { cells, errors, unreadable };
}

export function readReportCsv(text: string): ReadFile {
  try {
    return readReportRecords(parseCsv(text));
  } catch (err) {
    if (err instanceof CsvSyntaxError) {
      const errors = [{ at: err.line, field: 'file', reason: 'unclosed_quote', message: err.message }];
      return { cells: [], errors, unreadable: new Set() };
    }
    throw err;
  }
}

/** The first worksheet of an XLSX file, read as the CSV would be (row numbers are lines). */
export async function readReportXlsx(buffer: Buffer): Promise<ReadFile> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    const errors = [{ at: 1, field: 'file', reason: 'not_xlsx', message: 'not a readable XLSX file' }];
    return { cells: [], errors, unreadable: new Set() };
  }
  const sheet = book.worksheets[0];
  const records: CsvRecord[] = [];
  sheet?.eachRow((row, line) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    records.push({ line, fields: values.map((c) => (c === null || c === undefined ? '' : cellText(c))) });
  });
  return readReportRecords(records);
}

function cellText(c: ExcelJS.CellValue): string {
  if (typeof c === 'object' && c !== null && 'result' in c) return String(c.result ?? '');
  if (typeof c === 'object' && c !== null && 'richText' in c) return c.richText.map((t) => t.text).join('');
  return String(c);
}

const TEMPLATE_HEADER = [
  'indicator',
  'indicator_name',
  'dimension',
  'category',
  'value',
  'source',
  'notes',
  'provisional',
  'estimate',
];

/** The template's rows: every indicator's total and every category of its breakdowns, value empty. */
function templateRows(rows: IndicatorRow[], lang: Lang): string[][] {
  return rows.flatMap((row) => {
    const i = presentIndicator(row, lang);
    return [
      [i.code, i.name, 'total', 'total'],
      ...Object.entries(i.breakdowns).flatMap(([d, categories]) => categories.map((c) => [i.code, i.name, d, c])),
    ];
  });
}

/** The same template as a workbook, for focal points who fill it in a spreadsheet. */
export async function reportTemplateXlsx(rows: IndicatorRow[], lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('report');
  sheet.addRow(TEMPLATE_HEADER).font = { bold: true };
  for (const r of templateRows(rows, lang)) sheet.addRow(r);
  sheet.columns.forEach((c, i) => (c.width = [22, 40, 14, 16, 10, 30, 30, 12, 10][i] ?? 12));
  // The header stays in view while scrolling through some eighty rows.
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A blank report to fill in: every indicator's total and every category of its breakdowns. */
export function reportTemplate(rows: IndicatorRow[], lang: Lang): string {
  const lines = [TEMPLATE_HEADER, ...templateRows(rows, lang)].map((r) =>
    csvLine(TEMPLATE_HEADER.map((_, j) => r[j] ?? '')),
  );
  return `${lines.join('\r\n')}\r\n`;
}
