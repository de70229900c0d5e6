import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { intlFor } from '../../i18n.js';
import { participantListXlsx } from './xlsx.js';
import type { ListedParticipant, ParticipantList } from './types.js';

function person(overrides: Partial<ListedParticipant> = {}): ListedParticipant {
  return {
    registrationId: 'r-1',
    title: 'Mr.',
    givenName: 'Łukasz',
    familyName: 'Ñúñez',
    position: 'Director',
    institution: 'Ministry of Foreign Affairs',
    category: 'Government',
    isHead: true,
    email: 'lukasz@example.org',
    phone: '+1 (202) 555-0100',
    ...overrides,
  };
}

function list(overrides: Partial<ParticipantList> = {}): ParticipantList {
  return {
    lang: 'en',
    meetingTitle: 'OAS/IOM Continental Meeting',
    dateRange: 'April 6–8, 2005',
    generatedAt: new Date('2005-03-15T15:00:00Z'),
    withContacts: true,
    sections: [
      {
        group: 'member_states',
        heading: 'Argentina',
        participants: [
          person(),
          person({ registrationId: 'r-2', title: null, givenName: 'Дмитрий', familyName: 'Иванов', isHead: false }),
        ],
      },
      {
        group: 'experts',
        heading: 'Experts',
        participants: [
          person({
            registrationId: 'r-3',
            givenName: 'Ελένη',
            familyName: 'Παπαδοπούλου',
            isHead: false,
            phone: '+12025550100',
            email: null,
          }),
        ],
      },
    ],
    ...overrides,
  };
}

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings predate Node's generic Buffer; the bytes are what it reads.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function values(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const out: unknown[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) out.push(sheet.getRow(row).getCell(c).value);
  return out;
}

describe('participantListXlsx', () => {
  it('writes one sheet with a bold, frozen, filterable translated header', async () => {
    const book = await read(await participantListXlsx(list({ lang: 'pt' })));
    expect(book.worksheets).toHaveLength(1);
    const sheet = book.worksheets[0]!;
    const pt = intlFor('pt');
    expect(sheet.name).toBe(pt.formatMessage({ id: 'participants.list.title' }));

    const header = values(sheet, 1);
    expect(header).toHaveLength(11);
    expect(header[5]).toBe(pt.formatMessage({ id: 'participants.column.familyName' }));
    expect(header[10]).toBe(pt.formatMessage({ id: 'participants.column.phone' }));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    for (let c = 1; c <= 11; c++) {
      const width = sheet.getColumn(c).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(50);
    }
  });

  it('writes every participant as text cells, names in any script intact', async () => {
    const sheet = (await read(await participantListXlsx(list()))).worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(values(sheet, 2)).toEqual([
      'Member states',
      'Argentina',
      'Government',
      'Yes',
      'Mr.',
      'Ñúñez',
      'Łukasz',
      'Director',
      'Ministry of Foreign Affairs',
      'lukasz@example.org',
      '+1 (202) 555-0100',
    ]);
    expect(values(sheet, 3).slice(3, 7)).toEqual(['No', null, 'Иванов', 'Дмитрий']);
    expect(values(sheet, 4).slice(5, 7)).toEqual(['Παπαδοπούλου', 'Ελένη']);

    for (let r = 1; r <= 4; r++) {
      sheet.getRow(r).eachCell((cell) => {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe('@');
      });
    }
    // Phones stay readable as typed: + kept, no leading quote, never turned into a number.
    expect(sheet.getRow(4).getCell(11).value).toBe('+12025550100');
  });

  it('never writes a formula: text that starts like one is neutralised, a bad phone too', async () => {
    const buffer = await participantListXlsx(
      list({
        sections: [
          {
            group: 'other_organizations',
            heading: '=HYPERLINK("http://evil.example","x")',
            participants: [
              person({
                title: '@SUM(A1)',
                givenName: '+cmd',
                familyName: '-2+3',
                position: '\tTab',
                institution: '\rCR',
                email: '=cmd|" /C calc"!A0',
                phone: '+cmd|" /C calc"!A0',
              }),
            ],
          },
        ],
      }),
    );
    const sheet = (await read(buffer)).worksheets[0]!;
    expect(values(sheet, 2)).toEqual([
      'Other organizations',
      `'=HYPERLINK("http://evil.example","x")`,
      'Government',
      'Yes',
      `'@SUM(A1)`,
      `'-2+3`,
      `'+cmd`,
      `'\tTab`,
      `'\nCR`, // a carriage return becomes Excel's in-cell line break
      `'=cmd|" /C calc"!A0`,
      `'+cmd|" /C calc"!A0`,
    ]);
    sheet.getRow(2).eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String));
  });

  it('leaves out contacts in the public list and dates the workbook from the list', async () => {
    const book = await read(await participantListXlsx(list({ withContacts: false })));
    const sheet = book.worksheets[0]!;
    expect(sheet.columnCount).toBe(9);
    const all: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => all.push(cell.value)));
    expect(all).not.toContain('lukasz@example.org');
    expect(all).not.toContain('+1 (202) 555-0100');
    expect(book.created.toISOString()).toBe('2005-03-15T15:00:00.000Z');
    expect(book.modified.toISOString()).toBe('2005-03-15T15:00:00.000Z');
  });
});
