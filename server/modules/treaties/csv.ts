import { safeCell } from '../participant-list/csv.js';

export interface CsvRecord {
  /** The line of the file on which the record starts (1 = the header). */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes (a quote inside doubled),
 * quoted fields may hold commas and line breaks; CRLF or LF; a leading byte-order mark is
 * ignored. Throws on an unterminated quote, naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      start = line;
    } else field += ch;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(start, 'a quoted field is not closed');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** Every field quoted, and defused against spreadsheet formulas (see participant-list/csv.ts). */
export function csvLine(values: (string | null)[]): string {
  return values.map((v) => `"${safeCell(v ?? '').replace(/"/g, '""')}"`).join(',');
}

/**
 * Undoes the export's defusing: one leading quote before what a spreadsheet would take for a
 * formula is dropped, so export → import gives back the same text.
 */
export function undefuse(value: string): string {
  return /^'(?:[=+\-@\t\r]|\s+[=+\-@])/.test(value) ? value.slice(1) : value;
}
