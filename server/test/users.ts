import type { Kysely } from 'kysely';
import type { Lang } from '../../shared/lang.js';
import type { Role } from '../../shared/roles.js';
import { hashPassword } from '../auth/password.js';
import { newId, nowIso } from '../db/ids.js';
import type { DB } from '../db/schema.js';
import { seedReference } from '../db/seed/seed.js';
import type { App } from '../http/types.js';

let counter = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const DEFAULT_TEST_PASSWORD = 'correct horse battery staple';

export interface CreateUserOptions {
  email?: string;
  name?: string;
  /** Plain password, hashed with argon2id; `null` makes a user without one (invited, not accepted). */
  password?: string | null;
  lang?: Lang;
  disabled?: boolean;
  roles?: { role: Role; memberState?: string; organizationId?: string }[];
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  roleIds: string[];
}

/**
 * A user with a unique email, an argon2id password and the given roles. Roles scoped to a member
 * state or organisation need the reference rows, so those are loaded (idempotently) first.
 */
export async function createUser(db: Kysely<DB>, options: CreateUserOptions = {}): Promise<TestUser> {
  const id = newId();
  const email = options.email ?? `user-${unique()}@example.org`;
  const name = options.name ?? 'Test User';
  const password = options.password === undefined ? DEFAULT_TEST_PASSWORD : options.password;
  const now = nowIso();
  await db
    .insertInto('app_user')
    .values({
      id,
      email,
      name,
      preferred_lang: options.lang ?? 'en',
      password_hash: password === null ? null : await hashPassword(password),
      totp_secret: null,
      totp_enabled_at: null,
      disabled_at: options.disabled ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const roles = options.roles ?? [];
  if (roles.some((r) => r.memberState || r.organizationId)) await seedReference(db);
  const roleIds: string[] = [];
  for (const r of roles) {
    const roleId = newId();
    await db
      .insertInto('role_assignment')
      .values({
        id: roleId,
        user_id: id,
        role: r.role,
        member_state: r.memberState ?? null,
        organization_id: r.organizationId ?? null,
        created_at: now,
      })
      .execute();
    roleIds.push(roleId);
  }
  return { id, email, name, password: password ?? '', roleIds };
}

export interface SignedIn {
  /** `name=value`, ready for `headers: { cookie }` in `app.inject`. */
  cookie: string;
  csrfToken: string;
}

/**
 * Signs in through the real routes (`POST /api/auth/sign-in`, then `GET /api/auth/session`) and
 * returns what a browser would hold. Fails loudly if the account needs a second factor.
 */
export async function signIn(app: App, email: string, password: string, ip = '127.0.0.1'): Promise<SignedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  if ((res.json() as { mfaRequired: boolean }).mfaRequired) throw new Error('sign-in needs a second factor');
  const set = res.cookies.find((c) => c.name === 'continental' || c.name === '__Host-continental');
  if (!set) throw new Error('sign-in set no session cookie');
  const cookie = `${set.name}=${set.value}`;
  const session = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  const body = session.json() as { csrfToken?: string };
  if (!body.csrfToken) throw new Error(`session has no CSRF token: ${session.body}`);
  return { cookie, csrfToken: body.csrfToken };
}
