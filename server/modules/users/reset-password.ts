import { sql, type Kysely } from 'kysely';
import { isLang } from '../../../shared/lang.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../../auth/password.js';
import { endAllSessions } from '../../auth/sessions.js';
import type { Config } from '../../config.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { recordMail, type QueuedMail } from '../../mail/mailer.js';
import { passwordResetMail } from '../../mail/messages.js';
import { emailKey, ipBucket, takeAttempt } from '../auth/throttle.js';
import { tokenInvalid } from './accept-invitation.js';
import { normalizeEmail } from './invite-user.js';
import {
  RESET_MINUTES,
  consumeToken,
  findValidToken,
  issueOneTimeToken,
  tokenLink,
  voidTokens,
} from './one-time-tokens.js';
import { selfContext } from './self-actor.js';

/*
 * Per address a few mails per window (enough for a lost first mail), per source more (an office
 * behind one address): the form cannot be used to flood someone's mailbox.
 */
const resetLimits = (email: string, ip: string) => [
  { key: `reset:email:${emailKey(email)}`, max: 3 },
  { key: `reset:ip:${ipBucket(ip)}`, max: 20 },
];

/**
 * Records a reset mail when the address belongs to an enabled account and the throttle allows.
 * The caller answers 202 either way, with the same body: the answer never tells whether an
 * account exists. Both paths do the same database round trips up to the lookup, and the mail
 * itself leaves after the response, so timing tells little either.
 */
export async function requestPasswordReset(
  db: Kysely<DB>,
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom'>,
  ctx: AuditContext,
  rawEmail: string,
): Promise<QueuedMail | null> {
  const email = normalizeEmail(rawEmail);
  const { retryAfter, firstRefusal } = await takeAttempt(db, resetLimits(email, ctx.ip ?? 'unknown'));
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'name', 'preferred_lang'])
    .where(sql<string>`lower(email)`, '=', email)
    .where('disabled_at', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!user) return null;
  if (retryAfter !== null) {
    // Recorded once per window, so the secretariat sees a flood without the flood filling the log.
    if (firstRefusal) {
      await writeAudit(db, ctx, {
        action: 'password_reset.request',
        outcome: 'denied',
        objectType: 'user',
        objectId: user.id,
      });
    }
    return null;
  }
  const lang = isLang(user.preferred_lang) ? user.preferred_lang : 'en';
  return db.transaction().execute(async (trx) => {
    const token = await issueOneTimeToken(trx, { purpose: 'reset', userId: user.id, createdBy: null });
    const link = tokenLink(config.publicUrl, 'reset', lang, token);
    const mail = await recordMail(
      trx,
      config,
      passwordResetMail({ to: user.email, name: user.name, lang, link, minutes: RESET_MINUTES }),
    );
    await writeAudit(trx, ctx, { action: 'password_reset.request', objectType: 'user', objectId: user.id });
    return mail;
  });
}

/**
 * Sets a new password from a reset link. Every session of the account ends (whoever got in with
 * the old password is out) and any other reset link still in a mailbox stops working.
 */
export async function resetPassword(
  db: Kysely<DB>,
  request: Pick<AuditContext, 'requestId' | 'ip'>,
  token: string,
  password: string,
): Promise<void> {
  const holder = await findValidToken(db, 'reset', token);
  if (!holder) throw tokenInvalid();
  checkPasswordPolicy(password, holder.user.email);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx, holder.tokenId))) throw tokenInvalid();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', holder.user.id)
      .execute();
    await voidTokens(trx, holder.user.id, 'reset');
    const ended = await endAllSessions(trx, holder.user.id);
    await writeAudit(trx, selfContext(holder.user, request), {
      action: 'password_reset.complete',
      objectType: 'user',
      objectId: holder.user.id,
      changes: { sessionsEnded: { before: null, after: ended } },
    });
  });
}
