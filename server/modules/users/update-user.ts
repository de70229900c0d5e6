import type { Kysely } from 'kysely';
import type { User } from '../../../shared/schemas/users.js';
import { diff, writeAudit, type AuditContext } from '../../audit/audit.js';
import type { Actor } from '../../auth/actor.js';
import { endAllSessions } from '../../auth/sessions.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { findUser } from './list-users.js';
import { voidTokens } from './one-time-tokens.js';

export interface UserPatch {
  disabled?: boolean;
  name?: string;
}

/**
 * Renames, disables or re-enables an account. Disabling takes effect at once: its sessions end,
 * its access tokens are revoked (re-enabling does not bring them back) and any pending
 * invitation or reset link stops working.
 */
export async function updateUser(
  db: Kysely<DB>,
  ctx: AuditContext,
  actor: Actor,
  userId: string,
  patch: UserPatch,
): Promise<User> {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'disabled_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such user.');
  const name = patch.name?.trim();
  if (patch.name !== undefined && !name) {
    throw new AppError('validation_failed', 'A name is required.', { errors: [{ path: '/name', message: 'empty' }] });
  }
  if (patch.disabled && actor.kind === 'user' && actor.userId === userId) {
    throw new AppError('conflict', 'You cannot disable your own account.', { reason: 'self' });
  }
  const wasDisabled = row.disabled_at !== null;
  const disabling = patch.disabled === true && !wasDisabled;
  const enabling = patch.disabled === false && wasDisabled;
  const changes = diff(
    { name: row.name, disabled: wasDisabled },
    { name: name ?? row.name, disabled: patch.disabled ?? wasDisabled },
  );
  if (Object.keys(changes).length) {
    await db.transaction().execute(async (trx) => {
      const now = nowIso();
      await trx
        .updateTable('app_user')
        .set({
          name: name ?? row.name,
          disabled_at: disabling ? now : enabling ? null : row.disabled_at,
          updated_at: now,
        })
        .where('id', '=', userId)
        .execute();
      if (disabling) {
        await endAllSessions(trx, userId);
        await trx
          .updateTable('access_token')
          .set({ revoked_at: now })
          .where('user_id', '=', userId)
          .where('revoked_at', 'is', null)
          .execute();
        await voidTokens(trx, userId);
      }
      await writeAudit(trx, ctx, { action: 'user.update', objectType: 'user', objectId: userId, changes });
    });
  }
  const user = await findUser(db, userId);
  if (!user) throw new AppError('not_found', 'No such user.');
  return user;
}
