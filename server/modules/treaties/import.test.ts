import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll, seedReference } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith } from '../editing/actors.test-helper.js';
import { parseCsv } from './csv.js';
import { importCsv, newInstrument, treatyWorld, type TreatyWorld } from './treaties.test-helper.js';

let w: TreatyWorld;
beforeAll(async () => {
  w = await treatyWorld();
});
afterAll(async () => w.t.close());

const HEADER = 'instrument,state,action,date,source\n';
type Problem = {
  status: number;
  code: string;
  errors: { path: string; line: number; message: string; reason: string; value?: string }[];
};

const countOf = async (t: TestApp, code: string) =>
  Number(
    (
      await t.app.db
        .selectFrom('treaty_action')
        .select(t.app.db.fn.countAll<string | number>().as('n'))
        .where('instrument_code', '=', code)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('CSV import', () => {
  it('imports a valid file and reports what it did', async () => {
    const code = await newInstrument(w);
    const res = await importCsv(
      w,
      `${HEADER}${code},ARG,signature,2000-12-12,src A\r\n${code},ARG,ratification,2002-11,"src, with comma"\r\n${code},bra,Consent,2004,"multi\nline ""quoted"" source"\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    const profile = (await w.t.app.inject({ url: '/api/member-states/BRA/profile' })).json<{
      treaties: {
        instrument: { code: string };
        actions: { action: string; date: string; precision: string; source: string }[];
      }[];
    }>();
    expect(profile.treaties.find((t) => t.instrument.code === code)?.actions).toEqual([
      expect.objectContaining({
        action: 'consent',
        date: '2004',
        precision: 'year',
        source: 'multi\nline "quoted" source',
      }),
    ]);
  });

  it('is all or nothing, with every problem by line and column', async () => {
    const code = await newInstrument(w);
    const csv = [
      'instrument,state,action,date,source',
      `${code},ARG,signature,2000-12-12,fine`,
      `${code},XYZ,ratification,2002-11-19,unknown state`,
      `no-such-treaty,ARG,ratification,2002-11-19,unknown instrument`,
      `${code},BRA,ratification,2003-02-29,impossible date`,
      `${code},CAN,ratification,2999-01-01,future`,
      `${code},CHL,ratification,1999-05-01,before adoption`,
      `${code},COL,ratified,2003-01-01,unknown action`,
      `${code},ECU,ratification,2003-01-01,`,
      `${code},ARG,accession,2004,second consent`,
      `${code},ARG,ratification,2003`,
      `${code},MEX,signature,2000-12-13,fine too`,
    ].join('\n');
    const res = await importCsv(w, csv);
    expect(res.statusCode).toBe(400);
    const problem = res.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path)).toEqual([
      'line/3/state',
      'line/4/instrument',
      'line/5/date',
      'line/6/date',
      'line/7/date',
      'line/8/action',
      'line/9/source',
      'line/11',
    ]);
    // Each problem has a stable code the UI translates, with its parameters.
    expect(problem.errors.map((e) => e.reason)).toEqual([
      'unknown_state',
      'unknown_instrument',
      'bad_date',
      'future_date',
      'before_adoption',
      'unknown_action',
      'source_required',
      'field_count',
    ]);
    expect(problem.errors[4]).toMatchObject({ value: '1999-05-01', adopted: '2000-11-15' });
    expect(problem.errors.find((e) => e.line === 5)?.message).toContain('not a date');
    expect(problem.errors.find((e) => e.line === 6)?.message).toContain('future');
    expect(problem.errors.find((e) => e.line === 7)?.message).toContain('before the instrument was adopted');
    expect(problem.errors.find((e) => e.line === 11)?.message).toContain('4 field(s) where the header has 5');
    // Line 10 (a second act of consent) is reported once the rest is right.
    const dup = await importCsv(
      w,
      [
        HEADER.trim(),
        `${code},ARG,ratification,2003,a`,
        `${code},ARG,accession,2004,b`,
        `${code},ARG,signature,2000,c`,
      ].join('\n'),
    );
    expect(dup.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: 'line/3/action', message: expect.stringContaining('duplicate: line 2') }),
    ]);
    expect(await countOf(w.t, code)).toBe(0);
  });

  it('refuses a bad header, an empty file, an unclosed quote, and anyone but the secretariat', async () => {
    const code = await newInstrument(w);
    const paths = async (csv: string) =>
      (await importCsv(w, csv)).json<Problem>().errors.map((e) => `${e.path} ${e.message}`);
    expect(await paths('instrument,state,action,when,source,colour\n')).toEqual([
      'line/1 missing column(s): date',
      'line/1 unknown column(s): when, colour',
    ]);
    expect(await paths('')).toEqual(['line/1 the file is empty']);
    expect(await paths(HEADER)).toEqual(['line/2 the file has a header but no rows']);
    expect(await paths(`${HEADER}${code},ARG,signature,2001,fine\n${code},BRA,signature,2001,"not closed\n`)).toEqual([
      'line/3 a quoted field is not closed',
    ]);
    expect((await importCsv(w, `${HEADER}${code},ARG,signature,2001,s\n`, w.focalARG)).statusCode).toBe(403);
    expect((await importCsv(w, `${HEADER}${code},ARG,signature,2001,s\n`, null)).statusCode).toBe(401);
    const json = await w.t.app.inject({
      method: 'POST',
      url: '/api/treaty-actions/import',
      headers: w.secretariat.headers,
      payload: { csv: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(await countOf(w.t, code)).toBe(0);
  });

  it('replaces a corrected row, and importing the same file again changes nothing', async () => {
    const code = await newInstrument(w);
    const first = `${HEADER}${code},PER,consent,2002,year only\n${code},PER,signature,2000-12-14,s\n`;
    expect((await importCsv(w, first)).json()).toMatchObject({ created: 2 });
    expect((await importCsv(w, first)).json()).toEqual({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const corrected = `${HEADER}${code},PER,ratification,2002-01-23,exact date found\n`;
    expect((await importCsv(w, corrected)).json()).toEqual({ rows: 1, created: 0, updated: 1, unchanged: 0 });
    expect(await countOf(w.t, code)).toBe(2);
  });
});

describe('concurrent imports', () => {
  it('of the same new rows: each answers 200 or 409, never 500, and the rows exist once', async () => {
    const code = await newInstrument(w);
    const csv = `${HEADER}${code},ARG,signature,2000-12-12,s\n${code},ARG,ratification,2002,s\n${code},BRA,consent,2004,s\n`;
    const answers = await Promise.all(Array.from({ length: 6 }, () => importCsv(w, csv)));
    const codes = answers.map((a) => a.statusCode);
    expect(
      codes.every((c) => c === 200 || c === 409),
      codes.join(','),
    ).toBe(true);
    expect(codes).toContain(200);
    expect(await countOf(w.t, code)).toBe(3);
  });
});

describe('CSV export', () => {
  it('writes the import format, defused against spreadsheet formulas, and round-trips', async () => {
    const code = await newInstrument(w);
    const csv = [
      'instrument,state,action,date,source,reservations',
      `${code},ARG,signature,2000-12-12,=HYPERLINK("http://evil.example"),`,
      `${code},ARG,ratification,2002-11,"+1 source, with comma","@SUM(A1) reservation"`,
      `${code},BRA,consent,2004,-minus first,`,
    ].join('\n');
    expect((await importCsv(w, csv)).json()).toMatchObject({ created: 3 });
    const res = await w.t.app.inject({ url: `/api/treaty-actions.csv?instrument=${code}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const exported = res.body;
    expect(exported).not.toMatch(/(^|,)"[=+@-]/m);
    expect(exported).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const records = parseCsv(exported);
    expect(records[0]?.fields).toEqual(['instrument', 'state', 'action', 'date', 'source', 'reservations']);
    expect(records).toHaveLength(4);

    // Into an empty database: the same data comes back.
    const other = await buildTestApp();
    try {
      await seedReference(other.app.db);
      const admin = await callerWith(other, [{ role: 'secretariat' }]);
      const names = { en: 'T', es: 'T', fr: 'T', pt: 'T' };
      await other.app.inject({
        method: 'POST',
        url: '/api/treaties',
        headers: admin.headers,
        payload: { code, name: names, shortName: names, adoptedOn: '2000-11-15' },
      });
      const imported = await other.app.inject({
        method: 'POST',
        url: '/api/treaty-actions/import',
        headers: { ...admin.headers, 'content-type': 'text/csv' },
        payload: exported,
      });
      expect(imported.json()).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
      const strip = (rows: Record<string, unknown>[]) =>
        rows.map(({ id: _i, created_at: _c, updated_at: _u, ...rest }) => rest);
      const load = (t: TestApp) =>
        t.app.db
          .selectFrom('treaty_action')
          .selectAll()
          .where('instrument_code', '=', code)
          .orderBy('member_state')
          .orderBy('binding')
          .execute();
      expect(strip(await load(other))).toEqual(strip(await load(w.t)));
      expect((await load(other)).find((r) => r.binding === 0)?.source).toBe('=HYPERLINK("http://evil.example")');
      expect((await other.app.inject({ url: `/api/treaty-actions.csv?instrument=${code}` })).body).toBe(exported);
    } finally {
      await other.close();
    }
    // And back into the same database: nothing changes.
    expect((await importCsv(w, exported)).json()).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
  });

  it('exports the demo data, which imports again unchanged', async () => {
    const res = await w.t.app.inject({ url: '/api/treaty-actions.csv?instrument=tip-protocol' });
    expect(parseCsv(res.body)).toHaveLength(52);
    expect((await importCsv(w, res.body)).json()).toEqual({ rows: 51, created: 0, updated: 0, unchanged: 51 });
    expect((await w.t.app.inject({ url: '/api/treaty-actions.csv?instrument=nope' })).statusCode).toBe(404);
  });
});

describe('the command line', () => {
  const BIN = fileURLToPath(new URL('../../../bin/continental.mjs', import.meta.url));
  const run = promisify(execFile);
  const cli = (t: TestApp, ...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATA_DIR: t.database.dataDir, DATABASE_URL: t.database.url ?? '' },
    });

  it('imports all or nothing with line-level messages, and exports the same format', async () => {
    const t = await buildTestApp();
    try {
      await seedAll(t.app.db, t.app.files);
      const dir = mkdtempSync(join(tmpdir(), 'treaties-cli-'));
      // Instruments come from the seed the command runs first (migrations and seed are idempotent).
      await run(process.execPath, [BIN, 'seed'], {
        env: { ...process.env, DATA_DIR: t.database.dataDir, DATABASE_URL: t.database.url ?? '' },
      });
      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        `${HEADER}ilo-c182,ARG,ratification,2001-02-05,ILO NORMLEX\nilo-c182,ARX,ratification,2001-02-05,x\n`,
      );
      const failed = await cli(t, 'import', 'treaty-actions', bad).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 2 });
      expect((failed as { stderr: string }).stderr).toContain('line 3, state: unknown member state "ARX"');
      expect(await countOf(t, 'ilo-c182')).toBe(0);

      const good = join(dir, 'good.csv');
      writeFileSync(good, `${HEADER}ilo-c182,ARG,ratification,2001-02-05,test row\n`);
      const ok = await cli(t, 'import', 'treaty-actions', good);
      expect(ok.stdout).toContain('Imported 1 row(s): 1 new');
      const out = join(dir, 'out.csv');
      await cli(t, 'export', 'treaty-actions', '--instrument', 'ilo-c182', '--output', out);
      expect(readFileSync(out, 'utf8')).toBe(
        'instrument,state,action,date,source,reservations\r\n"ilo-c182","ARG","ratification","2001-02-05","test row",""\r\n',
      );
      await expect(cli(t, 'import', 'treaties', good)).rejects.toMatchObject({ code: 2 });
    } finally {
      await t.close();
    }
  });
});
