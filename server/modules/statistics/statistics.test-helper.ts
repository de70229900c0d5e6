import type { ReportCell } from '../../../shared/schemas/statistics.js';
import { seedAll } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith, type Caller } from '../editing/actors.test-helper.js';

export interface StatsWorld {
  t: TestApp;
  secretariat: Caller;
  focalARG: Caller;
  focalBRA: Caller;
}

/** An app with the demo data (indicators and the GLOTIP file) and one caller per role; `env` adds configuration. */
export async function statsWorld(env: Record<string, string> = {}): Promise<StatsWorld> {
  const t = await buildTestApp({ env });
  await seedAll(t.app.db, t.app.files);
  return {
    t,
    secretariat: await callerWith(t, [{ role: 'secretariat' }]),
    focalARG: await callerWith(t, [{ role: 'focal_point', memberState: 'ARG' }]),
    focalBRA: await callerWith(t, [{ role: 'focal_point', memberState: 'BRA' }]),
  };
}

const headersOf = (caller: Caller | null) => caller?.headers ?? {};

export function saveReport(w: StatsWorld, caller: Caller | null, path: string, values: unknown[]) {
  return w.t.app.inject({
    method: 'PUT',
    url: `/api/statistics/reports/${path}`,
    headers: headersOf(caller),
    payload: { values },
  });
}

export function act(w: StatsWorld, caller: Caller | null, path: string, body?: unknown) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/statistics/reports/${path}`,
    headers: headersOf(caller),
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

export function importFile(
  w: StatsWorld,
  caller: Caller | null,
  path: string,
  body: string | Buffer,
  type = 'text/csv',
) {
  return w.t.app.inject({
    method: 'POST',
    url: `/api/statistics/reports/${path}/import`,
    headers: { ...headersOf(caller), 'content-type': type },
    payload: body,
  });
}

export interface Point {
  indicator: string;
  state: string;
  year: number;
  breakdown: Record<string, string>;
  value: number | null;
  suppressed: boolean;
  shownAs: string;
  origin: string;
  source: string;
}

/** Every published figure for a query, following the pages to the last. */
export async function publicData(w: StatsWorld, query: string): Promise<Point[]> {
  const all: Point[] = [];
  let cursor: string | null = null;
  do {
    const page: string = `${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await w.t.app.inject({ url: `/api/statistics/data?${page}` });
    if (res.statusCode !== 200) throw new Error(`data: ${res.statusCode} ${res.body}`);
    const body: { data: Point[]; nextCursor: string | null } = res.json();
    all.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return all;
}

/** A report of victims detected: a total and a breakdown by sex that adds up to it. */
export function victims(total: number, female: number, male: number, unknown = total - female - male): ReportCell[] {
  return [
    { indicator: 'victims_detected', breakdown: {}, value: total },
    { indicator: 'victims_detected', breakdown: { sex: 'female' }, value: female },
    { indicator: 'victims_detected', breakdown: { sex: 'male' }, value: male },
    { indicator: 'victims_detected', breakdown: { sex: 'unknown' }, value: unknown },
  ];
}

/** Saves, submits and validates a report in one go, failing loudly on any step. */
export async function validatedReport(w: StatsWorld, path: string, values: unknown[]) {
  for (const res of [
    await saveReport(w, w.focalARG, path, values),
    await act(w, w.focalARG, `${path}/submission`),
    await act(w, w.secretariat, `${path}/review`, { decision: 'validate' }),
  ]) {
    if (res.statusCode !== 200) throw new Error(`report: ${res.statusCode} ${res.body}`);
  }
}
