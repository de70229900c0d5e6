import ExcelJS from 'exceljs';
import { intlFor } from '../../i18n.js';
import { isPlausiblePhone, participantListTable, safeCell } from './csv.js';
import type { ParticipantList } from './types.js';

const MIN_WIDTH = 8;
const MAX_WIDTH = 50;

/**
 * The list as one worksheet with the CSV's columns. Every cell is a typed text cell (never a
 * formula) in the text number format "@", so even re-typing a cell keeps it text. Text that
 * starts like a formula still gets the leading quote (see safeCell) in case it is copied out
 * to another program; a phone cell holding a plausible phone number (no letters, so nothing
 * that could run) is kept exactly as typed, its + included.
 */
export async function participantListXlsx(list: ParticipantList): Promise<Buffer> {
  const intl = intlFor(list.lang);
  const title = intl.formatMessage({ id: 'participants.list.title' });
  const { columns, rows } = participantListTable(list);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Continental';
  workbook.lastModifiedBy = 'Continental';
  workbook.title = `${list.meetingTitle} — ${title}`;
  // Fixed dates: the same list renders to the same document properties.
  workbook.created = list.generatedAt;
  workbook.modified = list.generatedAt;
  workbook.lastPrinted = list.generatedAt;

  const sheet = workbook.addWorksheet(sheetName(title), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  });

  const phoneColumn = columns.findIndex((c) => c.key === 'phone');
  // XML has no raw carriage return (a reader turns it into a line feed): write Excel's own
  // in-cell line break, after safeCell has seen the value as it came.
  const text = (value: string, index: number): string =>
    (index === phoneColumn && isPlausiblePhone(value) ? value : safeCell(value)).replace(/\r\n?/g, '\n');

  const widths = columns.map((c) => c.header.length);
  const header = sheet.getRow(1);
  columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safeCell(column.header);
    cell.font = { bold: true };
  });
  rows.forEach((row, r) => {
    const line = sheet.getRow(r + 2);
    row.cells.forEach((value, i) => {
      if (value === null || value === '') return;
      const written = text(value, i);
      line.getCell(i + 1).value = written;
      widths[i] = Math.max(widths[i] ?? 0, longestLine(written));
    });
  });

  columns.forEach((_, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 2));
    column.numFmt = '@';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] : */
function sheetName(title: string): string {
  return title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
}

function longestLine(value: string): number {
  return Math.max(...value.split(/\r?\n/).map((l) => l.length));
}
