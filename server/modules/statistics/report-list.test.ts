import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith, type Caller } from '../editing/actors.test-helper.js';
import { act, saveReport, statsWorld, victims, validatedReport, type StatsWorld } from './statistics.test-helper.js';

let w: StatsWorld;
let participant: Caller;
let focalTwoStates: Caller;

interface Item {
  state: string;
  year: number;
  status: string;
  revision: number;
  publishedRevision: number | null;
  submittedAt: string | null;
  validatedAt: string | null;
  values: number;
  indicators: number;
}

const list = (caller: Caller | null, query = '') =>
  w.t.app.inject({ url: `/api/statistics/reports${query}`, headers: caller?.headers ?? {} });
const items = async (caller: Caller | null, query = '') => {
  const res = await list(caller, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[]; total: number }>();
};
const keys = (answer: { items: Item[] }) => answer.items.map((i) => `${i.state}/${i.year} ${i.status}`);

// Argentina: 2019 validated, 2020 submitted, 2021 returned, 2022 a draft; Brazil: 2020 submitted.
beforeAll(async () => {
  w = await statsWorld();
  participant = await callerWith(w.t, [{ role: 'participant' }]);
  focalTwoStates = await callerWith(w.t, [
    { role: 'focal_point', memberState: 'ARG' },
    { role: 'focal_point', memberState: 'BRA' },
  ]);
  await validatedReport(w, 'ARG/2019', victims(40, 12, 25));
  for (const [caller, path] of [
    [w.focalBRA, 'BRA/2020'],
    [w.focalARG, 'ARG/2020'],
    [w.focalARG, 'ARG/2021'],
  ] as const) {
    expect((await saveReport(w, caller, path, victims(9, 4, 5, 0))).statusCode).toBe(200);
    expect((await act(w, caller, `${path}/submission`)).statusCode).toBe(200);
  }
  expect((await act(w, w.secretariat, 'ARG/2021/review', { decision: 'return', comment: 'Sex?' })).statusCode).toBe(
    200,
  );
  expect(
    (
      await saveReport(w, w.focalARG, 'ARG/2022', [
        ...victims(9, 4, 5, 0),
        { indicator: 'persons_convicted', breakdown: {}, value: 2 },
      ])
    ).statusCode,
  ).toBe(200);
});
afterAll(async () => w.t.close());

describe('the secretariat’s review queue', () => {
  it('lists every state’s reports, submitted first (longest waiting at the top), with the count of figures', async () => {
    const all = await items(w.secretariat);
    expect(keys(all)).toEqual([
      'BRA/2020 submitted',
      'ARG/2020 submitted',
      'ARG/2021 returned',
      'ARG/2022 draft',
      'ARG/2019 validated',
    ]);
    expect(all.total).toBe(5);
    expect(all.items.find((i) => i.year === 2022)).toMatchObject({ values: 5, indicators: 2, revision: 1 });
    expect(all.items.find((i) => i.year === 2019)).toMatchObject({
      status: 'validated',
      publishedRevision: 1,
      validatedAt: expect.any(String),
    });
    expect(all.items[0]?.submittedAt).toEqual(expect.any(String));
  });

  it('filters by status, state (in any case) and year, and pages', async () => {
    expect(keys(await items(w.secretariat, '?status=submitted'))).toEqual(['BRA/2020 submitted', 'ARG/2020 submitted']);
    expect(keys(await items(w.secretariat, '?state=bra'))).toEqual(['BRA/2020 submitted']);
    expect(keys(await items(w.secretariat, '?state=ARG&year=2021'))).toEqual(['ARG/2021 returned']);
    const page2 = await items(w.secretariat, '?pageSize=2&page=2');
    expect(keys(page2)).toEqual(['ARG/2021 returned', 'ARG/2022 draft']);
    expect(page2.total).toBe(5);
  });

  it('refuses nonsense filters with 400, not an empty list', async () => {
    expect((await list(w.secretariat, '?status=lost')).statusCode).toBe(400);
    expect((await list(w.secretariat, '?state=AR')).statusCode).toBe(400);
    expect((await list(w.secretariat, '?pageSize=100000')).statusCode).toBe(400);
  });
});

describe('a focal point’s list', () => {
  it('holds only their state’s reports, whatever the filters', async () => {
    expect(keys(await items(w.focalARG))).toEqual([
      'ARG/2020 submitted',
      'ARG/2021 returned',
      'ARG/2022 draft',
      'ARG/2019 validated',
    ]);
    expect(keys(await items(w.focalBRA, '?status=submitted'))).toEqual(['BRA/2020 submitted']);
    expect(keys(await items(w.focalARG, '?state=ARG&status=draft'))).toEqual(['ARG/2022 draft']);
  });

  it('holds each of their states’ reports when they act for several', async () => {
    expect((await items(focalTwoStates, '?status=submitted')).total).toBe(2);
  });

  it('is refused for another state (403), for other roles (403) and for the public (401)', async () => {
    expect((await list(w.focalBRA, '?state=ARG')).statusCode).toBe(403);
    expect((await list(participant)).statusCode).toBe(403);
    expect((await list(null)).statusCode).toBe(401);
    expect((await list(null)).json()).toMatchObject({ code: 'unauthorized' });
  });
});
