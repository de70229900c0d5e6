import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { decryptSecret, encryptSecret, type Keys } from '../../auth/crypto.js';
import { verifyTotp } from '../../auth/totp.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';

/** The TOTP seed is bound to its user: a ciphertext copied to another row does not decrypt. */
const context = (userId: string) => `totp:${userId}`;

export const sealTotpSecret = (keys: Keys, userId: string, secret: string): string =>
  encryptSecret(keys, secret, context(userId));

export const openTotpSecret = (keys: Keys, userId: string, sealed: string): string =>
  decryptSecret(keys, sealed, context(userId));

/**
 * Records the time step of an accepted code and refuses any step not later than the last one,
 * so a code seen over a shoulder or in a proxy log cannot be replayed within its 90 seconds.
 * One conditional upsert: of two requests with the same code, exactly one wins. The row lives in
 * `throttle` (shared by all processes); its pruning after the window is harmless, because a step
 * that old no longer verifies anyway.
 */
export async function claimTotpStep(db: Kysely<DB>, userId: string, step: number): Promise<boolean> {
  const row = await db
    .insertInto('throttle')
    .values({ key: `totp-step:${userId}`, window_start: nowIso(), count: step })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ count: sql<number>`excluded.count`, window_start: sql<string>`excluded.window_start` })
        .where(sql.ref('throttle.count'), '<', step),
    )
    .returning('count')
    .executeTakeFirst();
  return row !== undefined;
}

/** Verifies a six-digit code against the stored (encrypted) seed and claims its step. */
export async function acceptTotpCode(
  db: Kysely<DB>,
  keys: Keys,
  userId: string,
  sealedSecret: string,
  code: string,
): Promise<boolean> {
  const step = verifyTotp(openTotpSecret(keys, userId, sealedSecret), code);
  return step !== null && (await claimTotpStep(db, userId, step));
}
