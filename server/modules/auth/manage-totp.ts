import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { Keys } from '../../auth/crypto.js';
import { generateTotpSecret, otpauthUrl } from '../../auth/totp.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { confirmPassword } from './reauthenticate.js';
import { replaceRecoveryCodes } from './recovery-codes.js';
import { findAccountById } from './repository.js';
import { clearAttempt, rateLimited, reauthLimits, secondFactorLimits, takeAttempt } from './throttle.js';
import { acceptTotpCode, sealTotpSecret } from './totp-factor.js';

export const TOTP_ISSUER = 'Continental';

async function account(db: Kysely<DB>, userId: string) {
  const row = await findAccountById(db, userId);
  if (!row) throw new AppError('unauthorized', 'Sign in to do this.');
  return row;
}

/** Starts enrolment: a new secret, stored encrypted, not active until a code proves the app has it. */
export async function setupTotp(db: Kysely<DB>, keys: Keys, ctx: AuditContext, userId: string) {
  const user = await account(db, userId);
  if (user.totp_enabled_at) throw new AppError('conflict', 'The second factor is already on; turn it off first.');
  const secret = generateTotpSecret();
  const url = otpauthUrl(TOTP_ISSUER, user.email, secret);
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ totp_secret: sealTotpSecret(keys, userId, secret), updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
    await writeAudit(trx, ctx, { action: 'auth.totp_setup', objectType: 'user', objectId: userId });
  });
  return { secret, otpauthUrl: url, qrSvg };
}

/** Turns the second factor on once a code from the app matches; returns 10 recovery codes, shown once. */
export async function enableTotp(
  db: Kysely<DB>,
  keys: Keys,
  ctx: AuditContext,
  userId: string,
  code: string,
  ip: string,
) {
  const user = await account(db, userId);
  if (user.totp_enabled_at) throw new AppError('conflict', 'The second factor is already on.');
  if (!user.totp_secret) throw new AppError('conflict', 'Start the set-up first.');
  const limits = secondFactorLimits(userId, ip);
  const taken = await takeAttempt(db, limits);
  if (taken.retryAfter !== null) throw rateLimited(taken.retryAfter);
  const sealed = user.totp_secret;
  const codes = await db.transaction().execute(async (trx) => {
    if (!(await acceptTotpCode(trx, keys, userId, sealed, code))) return null;
    // Only if nobody enabled it meanwhile (two tabs): the condition makes the switch happen once.
    const r = await trx
      .updateTable('app_user')
      .set({ totp_enabled_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', userId)
      .where('totp_enabled_at', 'is', null)
      .where('totp_secret', '=', sealed)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('conflict', 'The second factor changed meanwhile.');
    const recoveryCodes = await replaceRecoveryCodes(trx, keys, userId);
    await clearAttempt(trx, limits);
    await writeAudit(trx, ctx, {
      action: 'auth.totp_enable',
      objectType: 'user',
      objectId: userId,
      changes: { totpEnabled: { before: false, after: true } },
    });
    return recoveryCodes;
  });
  if (!codes) {
    throw new AppError('validation_failed', 'The code does not match; check the time on your device.', {
      errors: [{ path: '/code', message: 'wrong' }],
      reason: 'totp_code',
    });
  }
  return { recoveryCodes: codes };
}

/** Turns the second factor off after the password is confirmed; recovery codes go with it. */
export async function disableTotp(db: Kysely<DB>, ctx: AuditContext, userId: string, password: string): Promise<void> {
  const user = await account(db, userId);
  if (!user.totp_enabled_at) throw new AppError('conflict', 'The second factor is not on.');
  await confirmPassword(db, ctx, userId, password, 'auth.totp_disable');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ totp_secret: null, totp_enabled_at: null, updated_at: nowIso() })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
    await clearAttempt(trx, reauthLimits(userId));
    await writeAudit(trx, ctx, {
      action: 'auth.totp_disable',
      objectType: 'user',
      objectId: userId,
      changes: { totpEnabled: { before: true, after: false } },
    });
  });
}
