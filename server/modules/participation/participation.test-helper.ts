import type { Role } from '../../../shared/roles.js';
import { seedAll } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { callerWith, type Caller } from '../editing/actors.test-helper.js';

export const SLUG = 'oas-iom-tip-2005';

let counter = 0;
/** A person with a unique email; names may be overridden to test scripts and normalisation. */
export function person(more: Record<string, unknown> = {}) {
  counter += 1;
  return {
    givenName: 'Ana',
    familyName: `Pérez ${counter}`,
    email: `ana.${counter}.${process.pid}@example.org`,
    ...more,
  };
}

export interface World {
  t: TestApp;
  secretariat: Caller;
  focalARG: Caller;
  focalBRA: Caller;
  repCIM: Caller;
}

/** The demo meeting with its concept-note rules, and one caller per role that acts on it. */
export async function world(): Promise<World> {
  const t = await buildTestApp();
  await seedAll(t.app.db, t.app.files);
  const as = (roles: { role: Role; memberState?: string; organizationId?: string }[]) => callerWith(t, roles);
  return {
    t,
    secretariat: await as([{ role: 'secretariat' }]),
    focalARG: await as([{ role: 'focal_point', memberState: 'ARG' }]),
    focalBRA: await as([{ role: 'focal_point', memberState: 'BRA' }]),
    repCIM: await as([{ role: 'organization_rep', organizationId: 'cim' }]),
  };
}

export function register(t: TestApp, caller: Caller | null, body: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/meetings/${SLUG}/registrations?lang=en`,
    headers: { ...(caller?.headers ?? {}), ...headers },
    payload: body as object,
  });
}

export function call(
  t: TestApp,
  caller: Caller | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  path: string,
  body?: unknown,
) {
  return t.app.inject({
    method,
    url: `/api/meetings/${SLUG}${path}`,
    headers: caller?.headers ?? {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** Adds an organisation to the OAS civil-society registry through the API. */
export async function accreditedCso(w: World, country: string, more: Record<string, unknown> = {}): Promise<string> {
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/civil-society-organizations',
    headers: w.secretariat.headers,
    payload: { name: `Red contra la trata ${country} ${++counter}`, country, status: 'accredited', ...more },
  });
  if (res.statusCode !== 201) throw new Error(`registry: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Replaces one field of the meeting's rules through the API, as the secretariat. */
export async function setRules(w: World, patch: Record<string, unknown>) {
  const current = (await call(w.t, null, 'GET', '/participation-rules')).json() as Record<string, unknown>;
  const res = await call(w.t, w.secretariat, 'PUT', '/participation-rules', { ...current, ...patch });
  if (res.statusCode !== 200) throw new Error(`rules: ${res.statusCode} ${res.body}`);
}
