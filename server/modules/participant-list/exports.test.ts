import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accreditedCso,
  call,
  person,
  register,
  world,
  type World,
} from '../participation/participation.test-helper.js';

let w: World;
const people: Record<string, { id: string; email: string }> = {};

async function add(key: string, body: Record<string, unknown>, accredit = true) {
  const res = await register(w.t, w.secretariat, body);
  if (res.statusCode !== 201) throw new Error(`${key}: ${res.body}`);
  const { id, person: p } = res.json<{ id: string; person: { email: string } }>();
  if (accredit) await call(w.t, w.secretariat, 'POST', `/registrations/${id}/decision`, { decision: 'accredit' });
  people[key] = { id, email: p.email };
}

async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(body));
  return (await extractText(doc, { mergePages: true })).text;
}

beforeAll(async () => {
  w = await world();
  const cso = await accreditedCso(w, 'BRA');
  await add('argHead', {
    category: 'government',
    memberState: 'ARG',
    person: person({
      givenName: 'Łukasz',
      familyName: 'Ñúñez',
      title: 'Dr.',
      publicListConsent: true,
      phone: '+54 11 4000-0000',
    }),
  });
  await add('argInjection', {
    category: 'government',
    memberState: 'ARG',
    person: person({
      givenName: '=HYPERLINK("http://evil.example","x")',
      familyName: '@SUM(A1)',
      position: '+cmd|calc',
      publicListConsent: true,
    }),
  });
  await add('braCivil', {
    category: 'civil_society',
    memberState: 'BRA',
    organizationId: cso,
    person: person({ givenName: 'Дмитрий', familyName: 'Ελένη', publicListConsent: false }),
  });
  await add('iom', {
    category: 'iom',
    organizationId: 'iom',
    person: person({ givenName: 'Ines', familyName: 'Abad', publicListConsent: true }),
  });
  await add(
    'pending',
    {
      category: 'government',
      memberState: 'BRA',
      person: person({ familyName: 'Pendiente', publicListConsent: true }),
    },
    false,
  );
  await call(w.t, w.secretariat, 'PATCH', '/delegations/ARG', { headRegistrationId: people.argHead?.id });
});
afterAll(() => w.t.close());

describe('list of participants', () => {
  it('gives the secretariat every accredited person with contacts, spreadsheet cells defused', async () => {
    const res = await call(w.t, w.secretariat, 'GET', '/participants.csv?lang=es');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('participants-oas-iom-tip-2005-es.csv');
    const csv = res.body;
    expect(csv).toContain('Ñúñez');
    expect(csv).toContain('Дмитрий');
    expect(csv).toContain(people.argHead?.email);
    expect(csv).not.toContain('Pendiente');
    // Every cell that a spreadsheet would run as a formula starts with a quote.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`"'@SUM(A1)"`);
    expect(csv).toContain(`"'+cmd|calc"`);
    expect(csv).not.toMatch(/(^|,)"[=+@-]/m);
    // Member states first, alphabetical in Spanish (Argentina before Brasil), then IOM.
    expect(csv.indexOf('Argentina')).toBeLessThan(csv.indexOf('Brasil'));
    expect(csv.indexOf('Brasil')).toBeLessThan(csv.indexOf('Abad'));
  });

  it('reads the same names back from the PDF and the XLSX', async () => {
    const pdf = await call(w.t, w.secretariat, 'GET', '/participants.pdf?lang=fr');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    for (const name of ['Łukasz', 'ÑÚÑEZ', 'Дмитрий', 'ΕΛΕΝΗ', 'Argentine', 'Brésil']) expect(text).toContain(name);
    expect(text.indexOf('Argentine')).toBeLessThan(text.indexOf('Brésil'));

    const xlsx = await call(w.t, w.secretariat, 'GET', '/participants.xlsx?lang=en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('Łukasz');
    expect(values).toContain('+54 11 4000-0000');
    expect(values.some((v) => v.startsWith('=') || v.startsWith('@'))).toBe(false);
  });

  it('shows the public only consenting accredited people, without contacts', async () => {
    const csv = (await call(w.t, null, 'GET', '/participants.csv?lang=en')).body;
    expect(csv).toContain('Ñúñez');
    expect(csv).toContain('Abad');
    expect(csv).not.toContain('Дмитрий');
    expect(csv).not.toContain('@example.org');
  });

  it("gives a focal point their own delegation only, never another state's", async () => {
    const csv = (await call(w.t, w.focalBRA, 'GET', '/participants.csv?lang=en')).body;
    expect(csv).toContain('Дмитрий');
    expect(csv).not.toContain('Ñúñez');
    expect(csv).not.toContain('Abad');
  });
});

describe('badges', () => {
  it('prints a badge per accredited person for the secretariat only', async () => {
    expect((await call(w.t, w.focalBRA, 'GET', '/badges.pdf')).statusCode).toBe(403);
    const res = await call(w.t, w.secretariat, 'GET', '/badges.pdf?lang=en&memberState=ARG');
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('Łukasz');
    expect(text).not.toContain('Дмитрий');
    expect(text).not.toContain('PENDIENTE');
  });
});
