import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { UserActor } from '../../auth/actor.js';
import type { Keys } from '../../auth/crypto.js';
import { createSession, type SessionPolicy } from '../../auth/sessions.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { consumeRecoveryCode } from './recovery-codes.js';
import { deleteSession, findAccountById } from './repository.js';
import { clearAttempt, rateLimited, secondFactorLimits, takeAttempt } from './throttle.js';
import { acceptTotpCode } from './totp-factor.js';
import type { NewSession } from './sign-in.js';

export interface SecondFactorInput {
  /** The user of the pending session, with that session's id hash. */
  pending: UserActor;
  code: string;
  ip: string;
  userAgent: string | null;
}

/**
 * Finishes a sign-in with an authenticator code or a single-use recovery code. On success the
 * pending session is replaced by a new one (a second rotation): the id that was issued before
 * the second factor never becomes a fully signed-in session.
 */
export async function completeSecondFactor(
  db: Kysely<DB>,
  keys: Keys,
  policy: SessionPolicy,
  ctx: AuditContext,
  input: SecondFactorInput,
): Promise<NewSession> {
  const { pending } = input;
  const pendingHash = pending.sessionIdHash;
  if (!pendingHash) throw new AppError('unauthorized', 'Sign in with your password first.');
  const limits = secondFactorLimits(pending.userId, input.ip);
  const method = /^\d{6}$/.test(input.code) ? 'totp' : 'recovery_code';
  const audit = (outcome: 'success' | 'failure', trx: Kysely<DB> = db, reason?: string) =>
    writeAudit(trx, ctx, {
      action: 'auth.sign_in_mfa',
      outcome,
      objectType: 'user',
      objectId: pending.userId,
      changes: {
        method: { before: null, after: method },
        ...(reason ? { reason: { before: null, after: reason } } : {}),
      },
    });

  const taken = await takeAttempt(db, limits);
  if (taken.retryAfter !== null) {
    if (taken.firstRefusal) await audit('failure', db, 'rate_limited');
    throw rateLimited(taken.retryAfter);
  }

  const session = await db.transaction().execute(async (trx) => {
    const account = await findAccountById(trx, pending.userId);
    if (!account?.totp_secret || !account.totp_enabled_at || account.disabled_at) return null;
    const accepted =
      method === 'totp'
        ? await acceptTotpCode(trx, keys, account.id, account.totp_secret, input.code)
        : await consumeRecoveryCode(trx, keys, account.id, input.code);
    if (!accepted) return null;
    // Of two requests racing with the same pending session, only the one that ends it goes on;
    // throwing rolls back the code just spent.
    if ((await deleteSession(trx, pendingHash)) !== 1) {
      throw new AppError('unauthorized', 'This sign-in has already been completed or has expired.');
    }
    const created = await createSession(trx, account.id, policy, {
      ip: input.ip,
      userAgent: input.userAgent,
      mfaPending: false,
    });
    await clearAttempt(trx, limits);
    await audit('success', trx);
    return created;
  });
  if (!session) {
    await audit('failure', db, 'wrong_code');
    throw new AppError('mfa_required', 'The code is wrong or has already been used.');
  }
  return { token: session.token, expiresAt: session.expiresAt, mfaRequired: false };
}
