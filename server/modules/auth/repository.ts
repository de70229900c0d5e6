import { sql, type Kysely, type Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import type { UserActor } from '../../auth/actor.js';
import { loadAssignments } from '../../auth/sessions.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'preferred_lang',
  'password_hash',
  'totp_secret',
  'totp_enabled_at',
  'disabled_at',
] as const;

export type AccountRow = Awaited<ReturnType<typeof findAccountById>>;

/** Emails are compared case-insensitively: people do not type them the same way twice. */
export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('app_user')
    .select(USER_COLUMNS)
    .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function findAccountById(db: Db, userId: string) {
  return db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
}

/** The signed-in user as the session endpoint and the profile update present it. */
export async function loadSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const row = await findAccountById(db, userId);
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    lang: row.preferred_lang as Lang,
    totpEnabled: row.totp_enabled_at !== null,
    roles: await loadAssignments(db, row.id),
  };
}

/** The actor an audit entry names once the password proved who is signing in. */
export function actorFor(row: NonNullable<AccountRow>): UserActor {
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    name: row.name,
    lang: row.preferred_lang as Lang,
    assignments: [],
    via: 'session',
  };
}

/** Ends one session; the count tells a caller racing another request whether it won. */
export async function deleteSession(db: Db, idHash: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('id_hash', '=', idHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteOtherSessions(db: Db, userId: string, keepIdHash: string | null): Promise<number> {
  let q = db.deleteFrom('user_session').where('user_id', '=', userId);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}
