import { sql, type Kysely } from 'kysely';
import type { InvitationInput } from '../../../shared/schemas/users.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../../auth/password.js';
import type { Config } from '../../config.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { recordMail, type QueuedMail } from '../../mail/mailer.js';
import { invitationMail } from '../../mail/messages.js';
import { constraintViolation } from './constraints.js';
import { INVITATION_DAYS, issueOneTimeToken, tokenLink } from './one-time-tokens.js';
import { assignmentError, checkScope, insertAssignment } from './role-assignments.js';

export interface NewAccount extends InvitationInput {
  /** Only the command line sets a password directly; everyone else is invited to choose one. */
  password?: string;
}

export interface CreatedAccount {
  userId: string;
  /** The invitation link (null when a password was given): for the command line to print. */
  link: string | null;
  /** The recorded invitation mail, to deliver once the transaction has committed. */
  mail: QueuedMail | null;
}

/** Stored lower-cased so that one person cannot hold two accounts that differ only in case. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const emailTaken = () =>
  new AppError('email_taken', 'An account with this email already exists.', {
    errors: [{ path: '/email', message: 'taken' }],
  });

/**
 * Creates an account with one role. Without a password (the web's invitation) it also issues a
 * 7-day single-use invitation link and records the mail in the recipient's language, all in one
 * transaction with the audit entry: either the whole invitation exists or none of it.
 */
export async function inviteUser(
  db: Kysely<DB>,
  config: Pick<Config, 'publicUrl' | 'smtpUrl' | 'mailFrom'>,
  ctx: AuditContext,
  input: NewAccount,
): Promise<CreatedAccount> {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  if (!name)
    throw new AppError('validation_failed', 'A name is required.', { errors: [{ path: '/name', message: 'empty' }] });
  const scope = await checkScope(db, input);
  if (input.password !== undefined) checkPasswordPolicy(input.password, email);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const createdBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  try {
    return await db.transaction().execute(async (trx) => {
      // Earlier accounts may hold mixed-case addresses; the unique index alone would miss those.
      const existing = await trx
        .selectFrom('app_user')
        .select('id')
        .where(sql<string>`lower(email)`, '=', email)
        .executeTakeFirst();
      if (existing) throw emailTaken();
      const userId = newId();
      const now = nowIso();
      await trx
        .insertInto('app_user')
        .values({
          id: userId,
          email,
          name,
          preferred_lang: input.lang,
          password_hash: passwordHash,
          totp_secret: null,
          totp_enabled_at: null,
          disabled_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const assignment = await insertAssignment(trx, userId, scope);
      let link: string | null = null;
      let mail: QueuedMail | null = null;
      if (passwordHash === null) {
        const token = await issueOneTimeToken(trx, { purpose: 'invitation', userId, createdBy });
        link = tokenLink(config.publicUrl, 'invitation', input.lang, token);
        const message = invitationMail({
          to: email,
          name,
          lang: input.lang,
          role: scope.role,
          link,
          days: INVITATION_DAYS,
        });
        mail = await recordMail(trx, config, message);
      }
      await writeAudit(trx, ctx, {
        action: passwordHash === null ? 'user.invite' : 'user.create',
        objectType: 'user',
        objectId: userId,
        changes: {
          email: { before: null, after: email },
          name: { before: null, after: name },
          lang: { before: null, after: input.lang },
          assignment: { before: null, after: { id: assignment.id, ...scope } },
        },
      });
      return { userId, link, mail };
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Two invitations for one address at once: the unique index decides, the loser hears 409.
    if (constraintViolation(err) === 'unique') throw emailTaken();
    throw assignmentError(err);
  }
}
