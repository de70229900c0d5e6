import { seedAll } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith, type Caller } from '../editing/actors.test-helper.js';

export interface TreatyWorld {
  t: TestApp;
  secretariat: Caller;
  focalARG: Caller;
}

/** An app with the reference data, the instruments and the demo treaty actions. */
export async function treatyWorld(): Promise<TreatyWorld> {
  const t = await buildTestApp();
  await seedAll(t.app.db, t.app.files);
  return {
    t,
    secretariat: await callerWith(t, [{ role: 'secretariat' }]),
    focalARG: await callerWith(t, [{ role: 'focal_point', memberState: 'ARG' }]),
  };
}

let counter = 0;
/** A new instrument with a unique code, adopted on the given day, created through the API. */
export async function newInstrument(w: TreatyWorld, adoptedOn: string | null = '2000-11-15'): Promise<string> {
  const code = `test-treaty-${++counter}-${process.pid}`;
  const names = {
    en: `Test treaty ${counter}`,
    es: `Tratado ${counter}`,
    fr: `Traité ${counter}`,
    pt: `Tratado ${counter}`,
  };
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/treaties',
    headers: w.secretariat.headers,
    payload: { code, name: names, shortName: names, adoptedOn },
  });
  if (res.statusCode !== 201) throw new Error(`instrument: ${res.statusCode} ${res.body}`);
  return code;
}

export function importCsv(w: TreatyWorld, csv: string, caller: Caller | null = w.secretariat) {
  return w.t.app.inject({
    method: 'POST',
    url: '/api/treaty-actions/import',
    headers: { ...(caller?.headers ?? {}), 'content-type': 'text/csv' },
    payload: csv,
  });
}

export interface StatusRow {
  state: { iso3: string; name: string };
  status: string;
  basis: { action: string; date: string; source: string } | null;
}

export async function statusOf(w: TreatyWorld, code: string, asOf: string, lang = 'en') {
  const res = await w.t.app.inject({ url: `/api/treaties/${code}/status?asOf=${asOf}&lang=${lang}` });
  if (res.statusCode !== 200) throw new Error(`status: ${res.statusCode} ${res.body}`);
  return res.json<{ totals: Record<string, number>; items: StatusRow[] }>();
}
