import type { Kysely } from 'kysely';
import type { Lang } from '../../shared/lang.js';
import type { Role, RoleAssignment } from '../../shared/roles.js';
import { nowIso } from '../db/ids.js';
import type { DB } from '../db/schema.js';
import type { UserActor } from './actor.js';
import { hashToken, randomToken } from './secrets.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export async function loadAssignments(db: Kysely<DB>, userId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'member_state', 'organization_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    memberState: r.member_state,
    organizationId: r.organization_id,
  }));
}

/** Opens a session; the cookie value is returned once and only its hash is stored. */
export async function createSession(
  db: Kysely<DB>,
  userId: string,
  policy: SessionPolicy,
  meta: { ip: string | null; userAgent: string | null; mfaPending: boolean; lifetimeMs?: number },
): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const now = new Date();
  const lifetimeMs = Math.min(meta.lifetimeMs ?? Infinity, policy.maxHours * 3600_000);
  const expiresAt = new Date(now.getTime() + lifetimeMs).toISOString();
  await db
    .insertInto('user_session')
    .values({
      id_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      mfa_pending: meta.mfaPending ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type SessionState = { actor: UserActor; mfaPending: boolean } | null;

/** Resolves a cookie to its user, enforcing idle and absolute timeouts; touches it at most once a minute. */
export async function resolveSession(db: Kysely<DB>, token: string, policy: SessionPolicy): Promise<SessionState> {
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('user_session')
    .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
    .select([
      'user_session.user_id',
      'user_session.csrf_token',
      'user_session.mfa_pending',
      'user_session.last_seen_at',
      'user_session.expires_at',
      'app_user.email',
      'app_user.name',
      'app_user.preferred_lang',
      'app_user.disabled_at',
    ])
    .where('user_session.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.disabled_at) return null;
  const now = Date.now();
  const idleDeadline = Date.parse(row.last_seen_at) + policy.idleMinutes * 60_000;
  if (Date.parse(row.expires_at) <= now || idleDeadline <= now) {
    await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now - Date.parse(row.last_seen_at) > 60_000) {
    await db.updateTable('user_session').set({ last_seen_at: nowIso() }).where('id_hash', '=', idHash).execute();
  }
  return {
    mfaPending: row.mfa_pending === 1,
    actor: {
      kind: 'user',
      userId: row.user_id,
      email: row.email,
      name: row.name,
      lang: row.preferred_lang as Lang,
      assignments: await loadAssignments(db, row.user_id),
      via: 'session',
      sessionIdHash: idHash,
      csrfToken: row.csrf_token,
    },
  };
}

export async function endSession(db: Kysely<DB>, idHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('id_hash', '=', idHash).execute();
}

/** Sign-out everywhere, and what a password change or disabling an account does. */
export async function endAllSessions(db: Kysely<DB>, userId: string): Promise<number> {
  const r = await db.deleteFrom('user_session').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Resolves `Authorization: Bearer …` to the token's owner, limited to the owner's roles. */
export async function resolveAccessToken(db: Kysely<DB>, token: string): Promise<UserActor | null> {
  const row = await db
    .selectFrom('access_token')
    .innerJoin('app_user', 'app_user.id', 'access_token.user_id')
    .select([
      'access_token.id',
      'access_token.user_id',
      'access_token.expires_at',
      'access_token.revoked_at',
      'access_token.last_used_at',
      'app_user.email',
      'app_user.name',
      'app_user.preferred_lang',
      'app_user.disabled_at',
    ])
    .where('access_token.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at) return null;
  if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) return null;
  if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable('access_token').set({ last_used_at: nowIso() }).where('id', '=', row.id).execute();
  }
  return {
    kind: 'user',
    userId: row.user_id,
    email: row.email,
    name: row.name,
    lang: row.preferred_lang as Lang,
    assignments: await loadAssignments(db, row.user_id),
    via: 'token',
    tokenId: row.id,
  };
}
