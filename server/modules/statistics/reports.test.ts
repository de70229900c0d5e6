import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsFor } from '../editing/actors.test-helper.js';
import { act, publicData, saveReport, statsWorld, victims, type StatsWorld } from './statistics.test-helper.js';

let w: StatsWorld;
beforeAll(async () => {
  w = await statsWorld();
});
afterAll(async () => w.t.close());

const errorsOf = (res: { json: <T>() => T }) =>
  res.json<{ errors: { path: string; reason?: string; message: string }[] }>().errors;

describe('who may write a report', () => {
  it('lets the focal point of Argentina save an Argentine draft and read it back', async () => {
    const res = await saveReport(w, w.focalARG, 'ARG/2019', victims(40, 12, 25));
    expect(res.statusCode).toBe(200);
    const read = await w.t.app.inject({ url: '/api/statistics/reports/ARG/2019', headers: w.focalARG.headers });
    expect(read.json<{ status: string; values: unknown[] }>()).toMatchObject({ status: 'draft', revision: 1 });
    expect(read.json<{ values: unknown[] }>().values).toHaveLength(4);
  });

  it("refuses Brazil's focal point on Argentina's report (403), and the public (401)", async () => {
    expect((await saveReport(w, w.focalBRA, 'ARG/2019', victims(10, 5, 5))).statusCode).toBe(403);
    expect(
      (await w.t.app.inject({ url: '/api/statistics/reports/ARG/2019', headers: w.focalBRA.headers })).statusCode,
    ).toBe(403);
    expect((await act(w, w.focalBRA, 'ARG/2019/submission')).statusCode).toBe(403);
    expect((await saveReport(w, null, 'ARG/2019', victims(10, 5, 5))).statusCode).toBe(401);
    // The draft is as Argentina saved it.
    const read = await w.t.app.inject({ url: '/api/statistics/reports/ARG/2019', headers: w.secretariat.headers });
    expect(read.json<{ values: { value: number }[] }>().values.map((v) => v.value)).toContain(40);
  });

  it('lets only the secretariat review', async () => {
    const res = await act(w, w.focalARG, 'ARG/2019/review', { decision: 'validate' });
    expect(res.statusCode).toBe(403);
  });
});

describe('checking figures', () => {
  it('names each wrong cell: negative, unknown code, unknown category, duplicate, sums', async () => {
    const res = await saveReport(w, w.focalARG, 'ARG/2018', [
      { indicator: 'victims_detected', breakdown: {}, value: 10 },
      { indicator: 'victims_detected', breakdown: { sex: 'female' }, value: -2 },
      { indicator: 'victims_rescued', breakdown: {}, value: 3 },
      { indicator: 'victims_repatriated', breakdown: { sex: 'robot' }, value: 3 },
      { indicator: 'persons_prosecuted', breakdown: {}, value: 4 },
      { indicator: 'persons_prosecuted', breakdown: {}, value: 5 },
      { indicator: 'persons_convicted', breakdown: {}, value: 5 },
      { indicator: 'persons_convicted', breakdown: { sex: 'male' }, value: 9 },
      { indicator: 'victims_assisted', breakdown: {}, value: 20 },
      { indicator: 'victims_assisted', breakdown: { age: 'child' }, value: 5 },
      { indicator: 'victims_assisted', breakdown: { age: 'adult' }, value: 6 },
      { indicator: 'persons_investigated', breakdown: {}, value: null },
    ]);
    expect(res.statusCode).toBe(400);
    const reasons = errorsOf(res).map((e) => `${e.path} ${e.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'body/values/1/value not_a_count',
        'body/values/2/indicator unknown_indicator',
        'body/values/3/breakdown unknown_category',
        'body/values/5/breakdown duplicate',
        'body/values/6/value breakdown_exceeds_total',
        'body/values/8/value breakdown_not_total',
        'body/values/11/value missing_value',
      ]),
    );
    // Nothing was saved.
    const read = await w.t.app.inject({ url: '/api/statistics/reports/ARG/2018', headers: w.focalARG.headers });
    expect(read.statusCode).toBe(404);
  });

  it('refuses anything that looks like a record about a person', async () => {
    const named = await saveReport(w, w.focalARG, 'ARG/2018', [
      { indicator: 'victims_detected', breakdown: {}, value: 1, name: 'María', dateOfBirth: '2001-04-03' },
    ]);
    expect(named.statusCode).toBe(400);
    expect(errorsOf(named).map((e) => e.path)).toEqual(['body/values/0/name', 'body/values/0/dateOfBirth']);
    expect(errorsOf(named)[0]?.reason).toBe('victim_level');
    const noted = await saveReport(w, w.focalARG, 'ARG/2018', [
      {
        indicator: 'victims_detected',
        breakdown: {},
        value: 1,
        notes: 'Fecha de nacimiento 03/04/2001, expediente nº 55',
      },
    ]);
    expect(noted.statusCode).toBe(400);
    expect(errorsOf(noted)[0]).toMatchObject({ path: 'body/values/0/notes', reason: 'victim_level' });
  });

  it('keeps a figure suppressed at source as such, with no number', async () => {
    const res = await saveReport(w, w.focalARG, 'ARG/2017', [
      { indicator: 'persons_convicted', breakdown: {}, value: null, suppressedAtSource: true },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ values: unknown[] }>().values[0]).toMatchObject({ value: null, suppressedAtSource: true });
  });
});

describe('saving at the same time', () => {
  it('answers each of many simultaneous first saves of one report with 200 or 409, never 500', async () => {
    const codes = await Promise.all(
      Array.from({ length: 8 }, (_, i) => saveReport(w, w.focalARG, 'ARG/2012', victims(20 + i, 10, 10))),
    ).then((all) => all.map((r) => r.statusCode));
    expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
    expect(codes).toContain(200);
    const read = await w.t.app.inject({ url: '/api/statistics/reports/ARG/2012', headers: w.focalARG.headers });
    expect(read.json<{ values: unknown[] }>().values).toHaveLength(4);
  });
});

describe('the reporting workflow', () => {
  it('goes draft → submitted → returned with a comment → submitted → validated, public only at the end', async () => {
    expect((await saveReport(w, w.focalARG, 'ARG/2021', victims(57, 20, 30))).statusCode).toBe(200);
    expect(await publicData(w, 'indicator=victims_detected&state=ARG&year=2021')).toEqual([]);
    expect((await act(w, w.focalARG, 'ARG/2021/submission')).statusCode).toBe(200);
    // Under review: neither changeable nor public.
    expect((await saveReport(w, w.focalARG, 'ARG/2021', victims(58, 20, 30))).statusCode).toBe(409);
    expect(await publicData(w, 'state=ARG&year=2021')).toEqual([]);
    const bare = await act(w, w.secretariat, 'ARG/2021/review', { decision: 'return' });
    expect(bare.statusCode).toBe(400);
    const returned = await act(w, w.secretariat, 'ARG/2021/review', {
      decision: 'return',
      comment: 'Check the total.',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', reviewComment: 'Check the total.' });
    expect((await saveReport(w, w.focalARG, 'ARG/2021', victims(60, 20, 30))).statusCode).toBe(200);
    expect((await act(w, w.focalARG, 'ARG/2021/submission')).statusCode).toBe(200);
    const validated = await act(w, w.secretariat, 'ARG/2021/review', { decision: 'validate' });
    expect(validated.json()).toMatchObject({ status: 'validated', publishedRevision: 1 });
    const total = (await publicData(w, 'indicator=victims_detected&state=ARG&year=2021')).find(
      (p) => Object.keys(p.breakdown).length === 0,
    );
    expect(total).toMatchObject({ value: 60, suppressed: false, origin: 'reported' });
    const actions = validated.json<{ history: { action: string; comment: string | null }[] }>().history;
    expect(actions.map((h) => h.action)).toEqual(['saved', 'submitted', 'returned', 'saved', 'submitted', 'validated']);
    // Each step is in the audit trail, with the role it was done in.
    const audited = await auditRowsFor(w.t, 'statistics.report_validate', 'ARG/2021');
    expect(audited.map((a) => a.role)).toEqual(['secretariat']);
    expect(await auditRowsFor(w.t, 'statistics.report_return', 'ARG/2021')).toHaveLength(1);
  });

  it('opens a new revision for a correction, keeping the validated figures public until it is validated', async () => {
    const opened = await saveReport(w, w.focalARG, 'ARG/2021', victims(61, 21, 30));
    expect(opened.json()).toMatchObject({ status: 'draft', revision: 2, publishedRevision: 1 });
    const total = async () =>
      (await publicData(w, 'indicator=victims_detected&state=ARG&year=2021')).find(
        (p) => Object.keys(p.breakdown).length === 0,
      )?.value;
    expect(await total()).toBe(60);
    await act(w, w.focalARG, 'ARG/2021/submission');
    expect(await total()).toBe(60);
    await act(w, w.secretariat, 'ARG/2021/review', { decision: 'validate' });
    expect(await total()).toBe(61);
    const first = await w.t.app.inject({
      url: '/api/statistics/reports/ARG/2021?revision=1',
      headers: w.focalARG.headers,
    });
    expect(first.json<{ values: { value: number }[] }>().values.map((v) => v.value)).toContain(60);
  });

  it('refuses to submit an empty draft or a report of the future', async () => {
    expect((await saveReport(w, w.focalARG, 'ARG/2016', [])).statusCode).toBe(200);
    expect((await act(w, w.focalARG, 'ARG/2016/submission')).statusCode).toBe(422);
    expect((await saveReport(w, w.focalARG, `ARG/${new Date().getUTCFullYear() + 1}`, [])).statusCode).toBe(400);
  });
});
