import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { DB } from '../../db/schema.js';
import { deleteOtherSessions, deleteSession } from './repository.js';

/** Ends one session (signed in or still waiting for its second factor). */
export async function signOut(db: Kysely<DB>, ctx: AuditContext, userId: string, sessionIdHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await deleteSession(trx, sessionIdHash);
    if (ended === 0) return;
    await writeAudit(trx, ctx, { action: 'auth.sign_out', objectType: 'user', objectId: userId });
  });
}

/** Ends every session of the user, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhere(db: Kysely<DB>, ctx: AuditContext, userId: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ended = await deleteOtherSessions(trx, userId, null);
    await writeAudit(trx, ctx, {
      action: 'auth.sign_out_everywhere',
      objectType: 'user',
      objectId: userId,
      changes: { sessionsEnded: { before: null, after: ended } },
    });
    return ended;
  });
}
