import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { checkPasswordPolicy, hashPassword } from '../../auth/password.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { deleteOtherSessions } from './repository.js';
import { clearAttempt, reauthLimits } from './throttle.js';
import { confirmPassword } from './reauthenticate.js';

export interface ChangePasswordInput {
  userId: string;
  email: string;
  /** This session stays; every other one ends (whoever knew the old password is out). */
  sessionIdHash: string | null;
  currentPassword: string;
  newPassword: string;
}

export async function changePassword(db: Kysely<DB>, ctx: AuditContext, input: ChangePasswordInput): Promise<void> {
  checkPasswordPolicy(input.newPassword, input.email, 'newPassword');
  await confirmPassword(db, ctx, input.userId, input.currentPassword, 'auth.password_change');
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set({ password_hash: hash, updated_at: nowIso() })
      .where('id', '=', input.userId)
      .execute();
    const ended = await deleteOtherSessions(trx, input.userId, input.sessionIdHash);
    await clearAttempt(trx, reauthLimits(input.userId));
    await writeAudit(trx, ctx, {
      action: 'auth.password_change',
      objectType: 'user',
      objectId: input.userId,
      changes: { otherSessionsEnded: { before: null, after: ended } },
    });
  });
}
