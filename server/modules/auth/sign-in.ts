import type { Kysely } from 'kysely';
import type { AuditContext } from '../../audit/audit.js';
import { writeAudit } from '../../audit/audit.js';
import { verifyAgainstDummy, verifyPassword } from '../../auth/password.js';
import { createSession, type SessionPolicy } from '../../auth/sessions.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { actorFor, deleteSession, findAccountByEmail } from './repository.js';
import { clearAttempt, pruneThrottle, rateLimited, signInLimits, takeAttempt } from './throttle.js';

/** A session waiting for its second factor lives minutes, not hours. */
export const PENDING_MFA_LIFETIME_MS = 10 * 60_000;

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** Hash of the session cookie the request already carried, if any: it is ended (session fixation). */
  previousSessionHash: string | null;
}

export interface NewSession {
  token: string;
  expiresAt: string;
  mfaRequired: boolean;
}

type FailureReason = 'unknown_account' | 'no_password' | 'disabled' | 'wrong_password' | 'rate_limited';

/**
 * Checks email and password and opens a new session. Every refusal looks the same to the client
 * (one code, one status, the same argon2 work), so the answer does not reveal which accounts exist.
 */
export async function signInWithPassword(
  db: Kysely<DB>,
  policy: SessionPolicy,
  ctx: AuditContext,
  input: SignInInput,
): Promise<NewSession> {
  const limits = signInLimits(input.email, input.ip);
  const taken = await takeAttempt(db, limits);
  const account = await findAccountByEmail(db, input.email);
  const fail = async (reason: FailureReason) => {
    await writeAudit(db, ctx, {
      action: 'auth.sign_in',
      outcome: 'failure',
      objectType: 'user',
      objectId: account?.id ?? null,
      // The email is masked by writeAudit (field name); the password never reaches this point.
      changes: { email: { before: null, after: input.email }, reason: { before: null, after: reason } },
    });
  };
  if (taken.retryAfter !== null) {
    // One entry per window, not one per request of a script hammering away.
    if (taken.firstRefusal) await fail('rate_limited');
    throw rateLimited(taken.retryAfter);
  }

  let reason: FailureReason | null = null;
  if (!account) reason = 'unknown_account';
  else if (!account.password_hash) reason = 'no_password';
  else if (account.disabled_at) reason = 'disabled';
  if (reason !== null || !account?.password_hash) {
    await verifyAgainstDummy(input.password);
  } else if (!(await verifyPassword(account.password_hash, input.password))) {
    reason = 'wrong_password';
  }
  if (reason !== null || !account) {
    await fail(reason ?? 'unknown_account');
    throw new AppError('invalid_credentials', 'Wrong email or password.');
  }

  const mfaRequired = account.totp_enabled_at !== null;
  // Sign-ins succeed at human pace: a good moment to drop counters whose window is over.
  await pruneThrottle(db);
  return db.transaction().execute(async (trx) => {
    // A new id at every sign-in, and the one the browser came with is dead: a session id planted
    // before sign-in (fixation) never becomes an authenticated one.
    if (input.previousSessionHash) await deleteSession(trx, input.previousSessionHash);
    const session = await createSession(trx, account.id, policy, {
      ip: input.ip,
      userAgent: input.userAgent,
      mfaPending: mfaRequired,
      ...(mfaRequired ? { lifetimeMs: PENDING_MFA_LIFETIME_MS } : {}),
    });
    await clearAttempt(trx, limits);
    await writeAudit(
      trx,
      { ...ctx, actor: actorFor(account), role: 'self' },
      {
        action: 'auth.sign_in',
        outcome: 'success',
        objectType: 'user',
        objectId: account.id,
        changes: mfaRequired ? { mfaPending: { before: null, after: true } } : {},
      },
    );
    return { token: session.token, expiresAt: session.expiresAt, mfaRequired };
  });
}
