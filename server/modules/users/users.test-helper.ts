import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import type { DB } from '../../db/schema.js';
import type { App } from '../../http/types.js';
import { createUser, signIn, type SignedIn, type TestUser } from '../../test/users.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface As {
  /** A browser session: cookie plus its CSRF token (omit `csrfToken` to forget it). */
  session?: { cookie: string; csrfToken?: string };
  /** A script: `Authorization: Bearer …`. */
  bearer?: string;
}

/** One request through the real app, as a browser (session) or a script (bearer) would send it. */
export function request(
  app: App,
  method: Method,
  url: string,
  options: As & { payload?: object; headers?: Record<string, string>; ip?: string } = {},
): Promise<LightMyRequestResponse> {
  const { session, bearer, payload, headers = {}, ip } = options;
  return app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    ...(ip ? { remoteAddress: ip } : {}),
    headers: {
      ...(session ? { cookie: session.cookie } : {}),
      ...(session?.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}),
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...headers,
    },
  });
}

export interface SignedInUser extends TestUser {
  session: SignedIn;
}

/** A user with one role (or none), signed in through the real sign-in route. */
export async function signedIn(
  app: App,
  db: Kysely<DB>,
  role?: Role,
  scope: { memberState?: string; organizationId?: string } = {},
): Promise<SignedInUser> {
  const user = await createUser(db, { roles: role ? [{ role, ...scope }] : [] });
  return { ...user, session: await signIn(app, user.email, user.password) };
}

export async function auditOf(db: Kysely<DB>, action: string, objectId?: string) {
  let q = db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (objectId !== undefined) q = q.where('object_id', '=', objectId);
  return q.orderBy('at').execute();
}

export async function outboxTo(db: Kysely<DB>, address: string) {
  return db
    .selectFrom('outbox_message')
    .selectAll()
    .where('to_address', '=', address)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The token at the end of the link in a mail body (`…/invitation/{token}` or `…/reset/{token}`). */
export function linkIn(body: string): { url: string; token: string } {
  const match = /(https?:\/\/\S+\/(?:invitation|reset)\/([A-Za-z0-9_-]+))/.exec(body);
  if (!match) throw new Error(`no link in mail: ${body}`);
  return { url: match[1]!, token: match[2]! };
}

let counter = 0;
export const uniqueEmail = (label = 'person'): string =>
  `${label}-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.org`;

let ipCounter = 0;
/** A fresh client address per test, so throttle counters of one test never touch another's. */
export const freshIp = (): string => `10.77.${(process.pid >> 4) & 255}.${(ipCounter++ % 250) + 1}`;
