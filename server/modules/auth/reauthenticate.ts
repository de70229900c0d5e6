import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { verifyAgainstDummy, verifyPassword } from '../../auth/password.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { findAccountById } from './repository.js';
import { rateLimited, reauthLimits, takeAttempt } from './throttle.js';

/**
 * Asks a signed-in user for their password again before a sensitive change. Throttled per
 * account: a stolen session must not become a password-guessing oracle.
 */
export async function confirmPassword(
  db: Kysely<DB>,
  ctx: AuditContext,
  userId: string,
  password: string,
  action: string,
): Promise<void> {
  const refuse = (reason: string) =>
    writeAudit(db, ctx, {
      action,
      outcome: 'failure',
      objectType: 'user',
      objectId: userId,
      changes: { reason: { before: null, after: reason } },
    });
  const taken = await takeAttempt(db, reauthLimits(userId));
  if (taken.retryAfter !== null) {
    if (taken.firstRefusal) await refuse('rate_limited');
    throw rateLimited(taken.retryAfter);
  }
  const account = await findAccountById(db, userId);
  const ok = account?.password_hash
    ? await verifyPassword(account.password_hash, password)
    : await verifyAgainstDummy(password);
  if (!ok) {
    await refuse('wrong_password');
    throw new AppError('invalid_credentials', 'The current password is wrong.', {
      errors: [{ path: action === 'auth.password_change' ? '/currentPassword' : '/password', message: 'wrong' }],
    });
  }
}
