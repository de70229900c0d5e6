import { intlFor } from '../../i18n.js';
import type { ListedParticipant, ListSection, ParticipantList } from './types.js';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a spreadsheet may run a cell that
 * starts with = + - @, or with a tab or carriage return that hides such a character.
 *
 * Our rule, for every cell of the CSV without exception:
 * - a value whose first character is = + - @ \t \r, or whose first non-blank character is
 *   = + - @ (some importers trim leading spaces), is written with a single quote ' in front;
 * - every field is enclosed in double quotes (inner quotes doubled), so no comma, semicolon
 *   or line break inside a value can start a new cell that begins with =, whatever list
 *   separator the spreadsheet assumes.
 *
 * Phone numbers get no exception in CSV. A CSV cell has no type, so a spreadsheet reads
 * "+12025550100" as the number 12025550100 (the + lost, often shown as 1.20256E+10) and
 * "+1 (202) 555-0100" as a broken formula. With the quote, "'+1 (202) 555-0100" is read as
 * text: every digit, space and sign stays where the person typed it, and the quote is the
 * spreadsheets' own "this is text" mark (a program reading the file can drop one leading
 * quote). Who wants the bare "+1 (202) 555-0100" uses the XLSX export: there phones that
 * are plausible numbers are typed text cells, which never run, and keep their + unchanged.
 */
export function safeCell(value: string): string {
  return DANGEROUS.test(value) ? `'${value}` : value;
}

const DANGEROUS = /^(?:[=+\-@\t\r]|\s+[=+\-@])/;

/**
 * A value that can only be a phone number: digits, spaces, parentheses, dots and hyphens with
 * an optional leading +, and at least 6 digits. It holds no letter, so it can name no
 * function, cell or program: harmless in a typed text cell even when it starts with +.
 */
export function isPlausiblePhone(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 6;
}

export type ColumnKey =
  | 'group'
  | 'delegation'
  | 'category'
  | 'head'
  | 'title'
  | 'familyName'
  | 'givenName'
  | 'position'
  | 'institution'
  | 'email'
  | 'phone';

export interface Column {
  key: ColumnKey;
  /** The translated header. */
  header: string;
}

export interface ListRow {
  /** Values in column order; null where the participant has nothing to show. */
  cells: (string | null)[];
}

/** The columns and rows the CSV and the XLSX share, translated into list.lang. */
export function participantListTable(list: ParticipantList): { columns: Column[]; rows: ListRow[] } {
  const intl = intlFor(list.lang);
  const msg = (id: string): string => intl.formatMessage({ id });
  const keys: ColumnKey[] = [
    'group',
    'delegation',
    'category',
    'head',
    'title',
    'familyName',
    'givenName',
    'position',
    'institution',
    ...(list.withContacts ? (['email', 'phone'] as const) : []),
  ];
  const columns = keys.map((key) => ({ key, header: msg(`participants.column.${key}`) }));
  const yes = msg('participants.yes');
  const no = msg('participants.no');
  const value = (section: ListSection, p: ListedParticipant, key: ColumnKey): string | null => {
    switch (key) {
      case 'group':
        return msg(`participants.group.${section.group}`);
      case 'delegation':
        return section.heading;
      case 'head':
        return p.isHead ? yes : no;
      default:
        return p[key];
    }
  };
  const rows = list.sections.flatMap((section) =>
    section.participants.map((p) => ({ cells: keys.map((key) => value(section, p, key)) })),
  );
  return { columns, rows };
}

/** RFC 4180 CSV in UTF-8 with a byte order mark (so spreadsheets read accents), CRLF line ends. */
export function participantListCsv(list: ParticipantList): string {
  const { columns, rows } = participantListTable(list);
  const lines = [columns.map((c) => c.header), ...rows.map((r) => r.cells)].map((cells) =>
    cells.map((cell) => field(cell ?? '')).join(','),
  );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function field(value: string): string {
  return `"${safeCell(value).replaceAll('"', '""')}"`;
}
