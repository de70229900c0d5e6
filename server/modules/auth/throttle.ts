import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

/*
 * Attempt counters in the database (table `throttle`), so every server process shares them; a
 * counter in memory would let N processes allow N times as many guesses.
 *
 * Each attempt first takes a slot (one atomic upsert), then is checked: a burst of parallel
 * requests cannot all slip past a read-then-write check. The window is fixed from its first
 * attempt, so hammering does not extend it.
 */

export const WINDOW_MS = 15 * 60_000;

export interface Limit {
  key: string;
  max: number;
}

type Db = Kysely<DB> | Transaction<DB>;

/** Passwords are guessed per account and per source; keys hold a hash, not the email itself. */
export const emailKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('base64url').slice(0, 22);

/** IPv6 users typically hold a whole /64, so that is the unit; IPv4 (and IPv4-mapped) per address. */
export function ipBucket(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/*
 * Sign-in limits: per (email, IP) pair and per IP. Deliberately no limit per account alone: an
 * attacker could then lock the real user out just by failing on purpose from anywhere. The pair
 * limit stops guessing one account from one place; the IP limit stops one place spraying many.
 */
export const signInLimits = (email: string, ip: string): Limit[] => [
  { key: `sign-in:pair:${emailKey(email)}:${ipBucket(ip)}`, max: 5 },
  { key: `sign-in:ip:${ipBucket(ip)}`, max: 50 },
];

/*
 * Second-factor and re-authentication limits are per account: only someone who already holds
 * the password (or a session) gets this far, and a six-digit code must not be guessable by
 * spreading tries over many addresses.
 */
export const secondFactorLimits = (userId: string, ip: string): Limit[] => [
  { key: `mfa:user:${userId}`, max: 5 },
  { key: `sign-in:ip:${ipBucket(ip)}`, max: 50 },
];
export const reauthLimits = (userId: string): Limit[] => [{ key: `reauth:user:${userId}`, max: 5 }];

export interface Taken {
  /** Over a limit: seconds until its window ends. Null when the attempt may go ahead. */
  retryAfter: number | null;
  /** True for the first refused attempt of a window (audited once, not once per hammering request). */
  firstRefusal: boolean;
}

/** Counts one attempt against every limit and says whether it may go ahead. */
export async function takeAttempt(db: Db, limits: Limit[], nowMs = Date.now()): Promise<Taken> {
  const now = new Date(nowMs).toISOString();
  const cutoff = new Date(nowMs - WINDOW_MS).toISOString();
  let retryAfter: number | null = null;
  let firstRefusal = false;
  for (const limit of limits) {
    const stale = sql<boolean>`${sql.ref('throttle.window_start')} < ${cutoff}`;
    const row = await db
      .insertInto('throttle')
      .values({ key: limit.key, window_start: now, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${stale} then 1 else ${sql.ref('throttle.count')} + 1 end`,
          window_start: sql<string>`case when ${stale} then ${now} else ${sql.ref('throttle.window_start')} end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    const count = Number(row.count);
    if (count > limit.max) {
      const wait = Math.max(1, Math.ceil((Date.parse(row.window_start) + WINDOW_MS - nowMs) / 1000));
      retryAfter = Math.max(retryAfter ?? 0, wait);
      if (count === limit.max + 1) firstRefusal = true;
    }
  }
  return { retryAfter, firstRefusal };
}

/** A success: the pair (or account) starts afresh, and the attempt no longer counts against the IP. */
export async function clearAttempt(db: Db, limits: Limit[]): Promise<void> {
  const [own, ...shared] = limits;
  if (own) await db.deleteFrom('throttle').where('key', '=', own.key).execute();
  for (const limit of shared) {
    await db
      .updateTable('throttle')
      .set({ count: sql<number>`${sql.ref('count')} - 1` })
      .where('key', '=', limit.key)
      .where('count', '>', 0)
      .execute();
  }
}

/** Drops counters whose window is over; run now and then so the table does not grow forever. */
export async function pruneThrottle(db: Db, nowMs = Date.now()): Promise<number> {
  const cutoff = new Date(nowMs - WINDOW_MS).toISOString();
  const r = await db.deleteFrom('throttle').where('window_start', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export function rateLimited(retryAfter: number): AppError {
  return new AppError('rate_limited', 'Too many attempts; try again later.', { retryAfter });
}
