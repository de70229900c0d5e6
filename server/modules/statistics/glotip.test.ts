import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTUP_AUDIT } from '../../db/seed/seed.js';
import { parseCsv } from '../treaties/csv.js';
import { glotipValue, importGlotip } from './glotip.js';
import { publicData, statsWorld, type StatsWorld } from './statistics.test-helper.js';

const FILE = new URL('../../db/seed/data/unodc-glotip-oas-2003-2018.csv', import.meta.url);
const CODES: Record<string, string> = {
  'Detected trafficking victims': 'victims_detected',
  'Persons prosecuted': 'persons_prosecuted',
  'Persons convicted': 'persons_convicted',
  'Persons brought into formal contact': 'persons_investigated',
  'Offences of trafficking in persons': 'offences_recorded',
};

let w: StatsWorld;
beforeAll(async () => {
  w = await statsWorld();
});
afterAll(async () => w.t.close());

describe('GLOTIP values', () => {
  it('reads thousands separators and keeps "<5" as suppressed at source', () => {
    expect(glotipValue('1,282')).toEqual({ value: 1282, shownAs: null });
    expect(glotipValue('12')).toEqual({ value: 12, shownAs: null });
    expect(glotipValue('<5')).toEqual({ value: null, shownAs: '<5' });
    expect(glotipValue('1.282')).toBeNull();
    expect(glotipValue('-3')).toBeNull();
  });
});

describe('the demo GLOTIP file', () => {
  it('reproduces the national total the file gives for every state, year and indicator', async () => {
    const [header, ...rows] = parseCsv(readFileSync(FILE, 'utf8'));
    const col = (name: string) => header!.fields.indexOf(name);
    const expected = new Map<string, string>();
    for (const r of rows) {
      const f = r.fields;
      const total = ['Dimension', 'Category', 'Sex', 'Age'].every((c) => f[col(c)] === 'Total');
      if (total)
        expected.set(`${f[col('Iso3_code')]}|${f[col('Year')]}|${CODES[f[col('Indicator')]!]}`, f[col('txtVALUE')]!);
    }
    expect(expected.size).toBeGreaterThan(1000);
    const published = new Map(
      (await publicData(w, ''))
        .filter((p) => Object.keys(p.breakdown).length === 0)
        .map((p) => [`${p.state}|${p.year}|${p.indicator}`, p]),
    );
    const wrong: string[] = [];
    for (const [key, text] of expected) {
      const p = published.get(key);
      const want = text.startsWith('<') ? { value: null, shownAs: text } : { value: Number(text.replace(/,/g, '')) };
      if (!p || p.value !== want.value || (want.value === null && p.shownAs !== text)) {
        wrong.push(`${key}: file ${text}, published ${p?.shownAs}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(published.size).toBe(expected.size);
  });

  it('keeps every row of the file, labelled with the source and import date, with no further suppression', async () => {
    const lines = readFileSync(FILE, 'utf8').trim().split('\n').length - 1;
    const all = await publicData(w, '');
    expect(all).toHaveLength(lines);
    expect(all.every((p) => p.origin === 'public_source' && /GLOTIP.*imported \d{4}-\d{2}-\d{2}/.test(p.source))).toBe(
      true,
    );
    // GLOTIP's own "<5" is the only suppression: no other cell is hidden.
    const marked = readFileSync(FILE, 'utf8')
      .split('\n')
      .filter((l) => l.includes(',<5,')).length;
    expect(all.filter((p) => p.suppressed)).toHaveLength(marked);
    expect(all.filter((p) => p.suppressed).every((p) => p.shownAs === '<5' && p.value === null)).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await publicData(w, 'state=ARG');
    const r = await importGlotip(w.t.app.db, STARTUP_AUDIT, readFileSync(FILE, 'utf8'));
    expect(r.created).toBe(0);
    expect(r.updated).toBe(0);
    expect(r.unchanged).toBe(r.rows);
    expect(await publicData(w, 'state=ARG')).toEqual(before);
  });
});

describe('uploading a GLOTIP file', () => {
  const upload = (body: string, headers: Record<string, string>) =>
    w.t.app.inject({
      method: 'POST',
      url: '/api/statistics/glotip/import',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: body,
    });
  const head =
    'Iso3_code,Country,Region,Subregion,Indicator,Dimension,Category,Sex,Age,Year,Unit of measurement,txtVALUE,Source\n';

  it('refuses the whole file when one line is wrong, naming the line', async () => {
    const csv = `${head}URY,Uruguay,Americas,LAC,Persons convicted,Total,Total,Total,Total,2030,Counts,"1,001",GLOTIP\nURY,Uruguay,Americas,LAC,Persons convicted,Total,Total,Total,Total,2031,Counts,many,GLOTIP\n`;
    const res = await upload(csv, w.secretariat.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['line/3/txtVALUE']);
    expect(await publicData(w, 'state=URY&year=2030')).toEqual([]);
  });

  it('loads a good file for the secretariat only', async () => {
    const csv = `${head}URY,Uruguay,Americas,LAC,Persons convicted,Total,Total,Total,Total,2030,Counts,"1,001",GLOTIP\n`;
    expect((await upload(csv, w.focalARG.headers)).statusCode).toBe(403);
    const res = await upload(csv, w.secretariat.headers);
    expect(res.json()).toMatchObject({ rows: 1, created: 1 });
    expect((await publicData(w, 'state=URY&year=2030'))[0]).toMatchObject({
      value: 1001,
      indicator: 'persons_convicted',
    });
  });
});
