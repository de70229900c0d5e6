import type { Kysely } from 'kysely';
import { TOKEN_NAME_MAX, type AccessToken } from '../../../shared/schemas/users.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { hashToken, randomToken } from '../../auth/secrets.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { presentAccessToken } from './presenter.js';

/** `ctl_` marks our tokens, so secret scanners (and people) recognise one pasted where it should not be. */
export const TOKEN_PREFIX = 'ctl_';

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path, message }] });
}

/** The latest a token may expire: one calendar year from now. */
export function maxExpiry(now = new Date()): Date {
  const max = new Date(now);
  max.setUTCFullYear(max.getUTCFullYear() + 1);
  return max;
}

export function checkTokenInput(input: { name: string; expiresAt?: string | null }, now = new Date()) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > TOKEN_NAME_MAX) {
    throw invalid('/name', `A token's name has 1 to ${TOKEN_NAME_MAX} characters.`);
  }
  if (input.expiresAt === undefined || input.expiresAt === null) return { name, expiresAt: null };
  const at = new Date(input.expiresAt);
  if (Number.isNaN(at.getTime())) throw invalid('/expiresAt', 'Not a date and time.');
  if (at <= now) throw invalid('/expiresAt', 'The expiry must be in the future.');
  if (at > maxExpiry(now)) throw invalid('/expiresAt', 'A token lives at most one year.');
  return { name, expiresAt: at.toISOString() };
}

/**
 * Creates a personal access token for `userId` and returns it: the only time it is ever seen.
 * Stored as a SHA-256 hash, plus the first 8 characters after `ctl_` so its owner can tell
 * tokens apart in the list.
 */
export async function createAccessToken(
  db: Kysely<DB>,
  ctx: AuditContext,
  userId: string,
  input: { name: string; expiresAt?: string | null },
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  const { name, expiresAt } = checkTokenInput(input);
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('access_token')
      .values({
        id,
        user_id: userId,
        name,
        token_hash: hashToken(token),
        prefix: token.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 8),
        created_at: nowIso(),
        expires_at: expiresAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await writeAudit(trx, ctx, {
      action: 'access_token.create',
      objectType: 'access_token',
      objectId: id,
      changes: { owner: { before: null, after: userId }, expiresAt: { before: null, after: expiresAt } },
    });
  });
  return { id, token, expiresAt };
}

export async function listAccessTokens(db: Kysely<DB>, userId: string): Promise<AccessToken[]> {
  const rows = await db
    .selectFrom('access_token')
    .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(presentAccessToken);
}

/** Revokes one of the owner's tokens; revoking twice is not an error, revoking another's is not found. */
export async function revokeAccessToken(db: Kysely<DB>, ctx: AuditContext, userId: string, tokenId: string) {
  const row = await db
    .selectFrom('access_token')
    .select(['id', 'revoked_at'])
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such token.');
  if (row.revoked_at) return;
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.updateTable('access_token').set({ revoked_at: now }).where('id', '=', row.id).execute();
    await writeAudit(trx, ctx, {
      action: 'access_token.revoke',
      objectType: 'access_token',
      objectId: row.id,
      changes: { revokedAt: { before: null, after: now } },
    });
  });
}
