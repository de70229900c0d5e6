import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { NAME_MAX, type ProfileBody, type SessionUser } from '../../../shared/schemas/auth.js';
import { diff, writeAudit, type AuditContext } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { findAccountById, loadSessionUser } from './repository.js';

/**
 * A display name: NFC (so "é" typed two ways compares and sorts the same), trimmed, 1–200
 * characters, no control characters (they break badges, PDFs and CSV exports).
 */
export function normalizeName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  const length = [...name].length;
  if (length < 1 || length > NAME_MAX || /\p{Cc}/u.test(name)) {
    throw new AppError('validation_failed', `A name has 1 to ${NAME_MAX} characters and no control characters.`, {
      errors: [{ path: '/name', message: 'invalid' }],
    });
  }
  return name;
}

export async function updateProfile(
  db: Kysely<DB>,
  ctx: AuditContext,
  userId: string,
  input: ProfileBody,
): Promise<SessionUser> {
  const next: { name?: string; preferred_lang?: Lang } = {};
  if (input.name !== undefined) next.name = normalizeName(input.name);
  if (input.lang !== undefined) next.preferred_lang = input.lang;
  return db.transaction().execute(async (trx) => {
    const before = await findAccountById(trx, userId);
    if (!before) throw new AppError('unauthorized', 'Sign in to do this.');
    const changes = diff(
      { name: before.name, lang: before.preferred_lang },
      { name: next.name ?? before.name, lang: next.preferred_lang ?? before.preferred_lang },
    );
    if (Object.keys(changes).length > 0) {
      await trx
        .updateTable('app_user')
        .set({ ...next, updated_at: nowIso() })
        .where('id', '=', userId)
        .execute();
      await writeAudit(trx, ctx, { action: 'auth.profile_update', objectType: 'user', objectId: userId, changes });
    }
    const user = await loadSessionUser(trx, userId);
    if (!user) throw new AppError('unauthorized', 'Sign in to do this.');
    return user;
  });
}
