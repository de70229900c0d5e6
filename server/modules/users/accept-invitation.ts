import type { Kysely } from 'kysely';
import { isLang, type Lang } from '../../../shared/lang.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../../auth/password.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { consumeToken, findValidToken, type TokenHolder } from './one-time-tokens.js';
import { selfContext } from './self-actor.js';

export const tokenInvalid = () => new AppError('token_invalid', 'This link is invalid, expired or already used.');

async function holderOf(db: Kysely<DB>, purpose: 'invitation' | 'reset', token: string): Promise<TokenHolder> {
  const holder = await findValidToken(db, purpose, token);
  if (!holder) throw tokenInvalid();
  return holder;
}

/** What the invitation page shows before the password is chosen. */
export async function getInvitation(
  db: Kysely<DB>,
  token: string,
): Promise<{ email: string; name: string; lang: Lang }> {
  const { user } = await holderOf(db, 'invitation', token);
  return { email: user.email, name: user.name, lang: isLang(user.preferred_lang) ? user.preferred_lang : 'en' };
}

/**
 * Sets the invited user's password (and, optionally, corrects their name) and uses up the link.
 * The caller then opens a session: the person who chose the password is signed in.
 */
export async function acceptInvitation(
  db: Kysely<DB>,
  request: Pick<AuditContext, 'requestId' | 'ip'>,
  token: string,
  input: { password: string; name?: string },
): Promise<{ userId: string; totpEnabled: boolean }> {
  const { tokenId, user } = await holderOf(db, 'invitation', token);
  checkPasswordPolicy(input.password, user.email);
  const name = input.name?.trim() || user.name;
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    // Checked again here: another request may have used the link while the hash was computed.
    if (!(await consumeToken(trx, tokenId))) throw tokenInvalid();
    await trx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, name, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await writeAudit(trx, selfContext(user, request), {
      action: 'invitation.accept',
      objectType: 'user',
      objectId: user.id,
      changes: name === user.name ? {} : { name: { before: user.name, after: name } },
    });
  });
  return { userId: user.id, totpEnabled: user.totp_enabled_at !== null };
}
