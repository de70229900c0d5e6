import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { constraintViolation } from '../users/constraints.js';

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;
/** Keys are kept this long; a client retrying later than this is making a new request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

export interface Stored<T> {
  status: number;
  body: T;
  replayed: boolean;
}

export const requestHash = (value: unknown): string =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

/**
 * Runs `work` in a transaction once per (scope, key). A retry with the same key and body gets the
 * first answer back (marked replayed) without doing the work again; the same key with another
 * body is a client bug, answered 422. The key is written in the same transaction as the work, so
 * either both are kept or neither; two simultaneous first attempts meet at the primary key, the
 * loser rolls back and answers what the winner stored. Failures are not stored: a retry after a
 * 409 asks again.
 */
export async function once<T>(
  db: Kysely<DB>,
  scope: string,
  key: string | undefined,
  hash: string,
  work: (trx: Transaction<DB>) => Promise<{ status: number; body: T }>,
): Promise<Stored<T>> {
  if (key === undefined) {
    const result = await db.transaction().execute(work);
    return { ...result, replayed: false };
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 8–200 letters, digits or . _ : -', {
      errors: [{ path: 'headers/idempotency-key', message: 'is not a valid key' }],
    });
  }
  const replay = async (trx: Kysely<DB> | Transaction<DB>): Promise<Stored<T> | null> => {
    const row = await trx
      .selectFrom('idempotency_key')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return null;
    if (row.request_hash !== hash) {
      throw new AppError('idempotency_mismatch', 'This Idempotency-Key was used for a different request.');
    }
    return { status: row.status_code, body: JSON.parse(row.response) as T, replayed: true };
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const earlier = await replay(trx);
      if (earlier) return earlier;
      const result = await work(trx);
      await trx
        .insertInto('idempotency_key')
        .values({
          scope,
          key,
          request_hash: hash,
          status_code: result.status,
          response: JSON.stringify(result.body),
          created_at: nowIso(),
        })
        .execute();
      return { ...result, replayed: false };
    });
  } catch (err) {
    if (constraintViolation(err) !== 'unique') throw err;
    const earlier = await replay(db);
    if (earlier) return earlier;
    throw err;
  }
}

export async function pruneIdempotencyKeys(db: Kysely<DB>, nowMs = Date.now()): Promise<number> {
  const cutoff = new Date(nowMs - IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();
  const result = await db.deleteFrom('idempotency_key').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
