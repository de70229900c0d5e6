import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsWorld, validatedReport, victims, type Point, type StatsWorld } from './statistics.test-helper.js';

let w: StatsWorld;
beforeAll(async () => {
  w = await statsWorld();
  // Reported tables next to GLOTIP's (Argentina 2017 has both), with cells hidden by suppression.
  await validatedReport(w, 'ARG/2017', [
    ...victims(40, 3, 30, 7),
    { indicator: 'persons_convicted', breakdown: {}, value: 12 },
    { indicator: 'persons_convicted', breakdown: { sex: 'female' }, value: 2 },
    { indicator: 'persons_convicted', breakdown: { sex: 'male' }, value: 10 },
  ]);
  await validatedReport(w, 'ARG/2021', [
    ...victims(9, 1, 8, 0),
    { indicator: 'persons_prosecuted', breakdown: {}, value: 0 },
  ]);
});
afterAll(async () => w.t.close());

interface Page {
  data: Point[];
  minCell: number;
  nextCursor: string | null;
}

async function page(query: string): Promise<Page> {
  const res = await w.t.app.inject({ url: `/api/statistics/data?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Page>();
}

/** Every page of a query at a given size, in order. */
async function pages(query: string, limit: number): Promise<Page[]> {
  const all: Page[] = [];
  let cursor: string | null = null;
  do {
    const p: Page = await page(`${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    all.push(p);
    cursor = p.nextCursor;
  } while (cursor && all.length < 10_000);
  return all;
}

async function download(query: string): Promise<Point[]> {
  const res = await w.t.app.inject({ url: `/api/statistics/data.json?${query}` });
  expect(res.headers['content-type']).toMatch(/application\/json/);
  return res.json<{ data: Point[] }>().data;
}

const table = (p: Point) => `${p.indicator}|${p.state}|${p.year}`;

describe('paging the published figures', () => {
  it('gives pages that put together make the whole download, in the same order', async () => {
    for (const [query, limit] of [
      ['state=ARG', 7],
      ['indicator=persons_convicted', 50],
      ['', 1000],
    ] as const) {
      const got = await pages(query, limit);
      const whole = await download(query);
      expect(got.flatMap((p) => p.data)).toEqual(whole);
      expect(got.at(-1)?.nextCursor).toBeNull();
      expect(got.every((p) => p.minCell === 5)).toBe(true);
    }
  });

  it('answers 1,000 figures at most by default, with a cursor to the rest', async () => {
    const first = await page('');
    expect(first.data.length).toBeGreaterThan(900);
    expect(first.data.length).toBeLessThanOrEqual(1000);
    expect(first.nextCursor).toEqual(expect.any(String));
    const next = await page(`cursor=${first.nextCursor}`);
    expect(table(next.data[0]!) > table(first.data.at(-1)!)).toBe(true);
  });

  it('never splits a table (state × year × indicator) across pages, so suppression is the same', async () => {
    // Pages of one row: each still holds one whole table, however large.
    const tiny = await pages('state=ARG&year=2017', 1);
    const seen = tiny.map((p) => [...new Set(p.data.map(table))]);
    expect(seen.every((tables) => tables.length === 1)).toBe(true);
    expect(new Set(seen.flat()).size).toBe(seen.length);
    const whole = await download('state=ARG&year=2017');
    const shown = (points: Point[]) => points.map((p) => `${table(p)} ${JSON.stringify(p.breakdown)} ${p.shownAs}`);
    expect(shown(tiny.flatMap((p) => p.data))).toEqual(shown(whole));
    // Argentina's reported victims of 2017: 3 and 7 hidden on the page as in the whole table.
    const reported = tiny
      .flatMap((p) => p.data)
      .filter((p) => p.origin === 'reported' && p.indicator === 'victims_detected');
    expect(Object.fromEntries(reported.map((p) => [p.breakdown.sex ?? 'total', p.shownAs]))).toEqual({
      total: '40',
      female: '<5',
      male: '30',
      unknown: '<5',
    });
    // A page stops before a table it cannot hold whole; only a table larger than the limit
    // (GLOTIP gives some of 45 rows) makes a longer page, on its own.
    for (const p of await pages('state=ARG', 40)) {
      expect(p.data.length <= 40 || new Set(p.data.map(table)).size === 1).toBe(true);
    }
  });

  it('refuses a cursor it did not give out and a limit out of range with a problem', async () => {
    for (const query of [
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('{"indicator":"x"}').toString('base64url')}`,
      `cursor=${Buffer.from('["victims_detected","ARG","2010"]').toString('base64url')}`,
      `cursor=${Buffer.from('["victims_detected","ARGENTINA",2010]').toString('base64url')}`,
      'limit=0',
      'limit=5001',
      'limit=ten',
    ]) {
      const res = await w.t.app.inject({ url: `/api/statistics/data?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const res = await w.t.app.inject({ url: '/api/statistics/data?cursor=%%%' });
    expect(res.statusCode).toBe(400);
  });

  it('streams every figure into the downloads, not one page', async () => {
    const json = await download('');
    expect(json.length).toBeGreaterThan(6000);
    const csv = await w.t.app.inject({ url: '/api/statistics/data.csv' });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"indicator","state","year","breakdown","value","suppressed","origin","source"');
    expect(lines).toHaveLength(json.length + 1);
    // An empty selection is still a valid document.
    const none = await w.t.app.inject({ url: '/api/statistics/data.json?state=ARG&year=2001' });
    expect(none.json()).toEqual({ data: [], minCell: 5 });
  });
});
