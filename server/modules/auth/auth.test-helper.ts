import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { App } from '../../http/types.js';
import type { SignedIn } from '../../test/users.js';

/** `name=value` of the session cookie a response sets, or null when it sets none (or clears it). */
export function sessionCookie(res: LightMyRequestResponse): string | null {
  const set = res.cookies.find((c) => c.name === '__Host-continental' || c.name === 'continental');
  return set && set.value ? `${set.name}=${set.value}` : null;
}

export interface Call {
  method?: 'GET' | 'POST' | 'PATCH';
  payload?: object;
  as?: SignedIn | { cookie: string; csrfToken?: string };
  ip?: string;
  headers?: Record<string, string>;
}

/** One request through the real app, as a browser holding `as` would send it. */
export function call(app: App, url: string, { method = 'POST', payload, as, ip, headers = {} }: Call = {}) {
  return app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    ...(ip ? { remoteAddress: ip } : {}),
    headers: {
      ...(as ? { cookie: as.cookie } : {}),
      ...(as?.csrfToken ? { 'x-csrf-token': as.csrfToken } : {}),
      ...headers,
    },
  });
}

export async function auditEntries(db: Kysely<DB>, action: string, objectId?: string) {
  let q = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (objectId) q = q.where('object_id', '=', objectId);
  return q.orderBy('at').execute();
}

let ipCounter = 0;
/** A fresh client address per test, so one test's throttle counters never touch another's. */
export const freshIp = (): string => `10.${(process.pid >> 8) & 255}.${process.pid & 255}.${(ipCounter++ % 250) + 1}`;
