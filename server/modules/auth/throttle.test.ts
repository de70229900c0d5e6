import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser } from '../../test/users.js';
import { auditEntries, call, freshIp, sessionCookie } from './auth.test-helper.js';
import { WINDOW_MS, clearAttempt, ipBucket, pruneThrottle, takeAttempt } from './throttle.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const attempt = (email: string, password: string, ip: string) =>
  call(t.app, '/api/auth/sign-in', { payload: { email, password }, ip });

describe('sign-in throttling', () => {
  it('refuses the 6th failure for an (email, IP) pair with 429 and Retry-After, without checking the password', async () => {
    const user = await createUser(t.database.db);
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, 'wrong-password', ip)).statusCode).toBe(401);
    const sixth = await attempt(user.email, 'wrong-password', ip);
    expect(sixth.statusCode).toBe(429);
    const retryAfter = Number(sixth.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(sixth.json()).toMatchObject({ code: 'rate_limited', status: 429, retryAfter });
    // Even the right password waits: otherwise the 429 would be an oracle for it.
    const right = await attempt(user.email, user.password, ip);
    expect(right.statusCode).toBe(429);
    expect(sessionCookie(right)).toBeNull();
    // Refusals are audited once per window, not once per hammering request.
    const refusals = (await auditEntries(t.database.db, 'auth.sign_in', user.id)).filter((e) =>
      e.changes.includes('rate_limited'),
    );
    expect(refusals).toHaveLength(1);
  });

  it('lets the real user in from another address: no per-account lock-out', async () => {
    const user = await createUser(t.database.db);
    const attacker = freshIp();
    for (let i = 0; i < 6; i++) await attempt(user.email, 'guess', attacker);
    expect((await attempt(user.email, 'guess', attacker)).statusCode).toBe(429);
    const res = await attempt(user.email, user.password, freshIp());
    expect(res.statusCode, res.body).toBe(200);
  });

  it('starts the pair afresh after a success', async () => {
    const user = await createUser(t.database.db);
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect((await attempt(user.email, 'wrong', ip)).statusCode).toBe(401);
    expect((await attempt(user.email, user.password, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, 'wrong', ip)).statusCode).toBe(401);
    expect((await attempt(user.email, 'wrong', ip)).statusCode).toBe(429);
  });

  it('limits one address spraying many accounts to 50 failures per window', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) {
      statuses.push((await attempt(`spray-${i}-${Date.now()}@example.org`, 'Password1!', ip)).statusCode);
    }
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
  });
});

describe('takeAttempt', () => {
  it('counts parallel attempts exactly (one atomic upsert per limit)', async () => {
    const key = `test:parallel:${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 30 }, () => takeAttempt(t.database.db, [{ key, max: 10 }])));
    expect(results.filter((r) => r.retryAfter === null)).toHaveLength(10);
    expect(results.filter((r) => r.firstRefusal)).toHaveLength(1);
    const row = await t.database.db.selectFrom('throttle').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(30);
  });

  it('opens a new window once the old one is over', async () => {
    const key = `test:window:${Date.now()}`;
    const start = Date.now();
    for (let i = 0; i < 3; i++) await takeAttempt(t.database.db, [{ key, max: 2 }], start);
    expect((await takeAttempt(t.database.db, [{ key, max: 2 }], start + 60_000)).retryAfter).toBe(
      Math.ceil((WINDOW_MS - 60_000) / 1000),
    );
    expect((await takeAttempt(t.database.db, [{ key, max: 2 }], start + WINDOW_MS + 1)).retryAfter).toBeNull();
  });

  it('on success deletes the own counter and gives back one shared slot', async () => {
    const own = { key: `test:own:${Date.now()}`, max: 5 };
    const shared = { key: `test:shared:${Date.now()}`, max: 5 };
    await takeAttempt(t.database.db, [own, shared]);
    await takeAttempt(t.database.db, [own, shared]);
    await clearAttempt(t.database.db, [own, shared]);
    const rows = await t.database.db
      .selectFrom('throttle')
      .selectAll()
      .where('key', 'in', [own.key, shared.key])
      .execute();
    expect(rows.map((r) => [r.key, Number(r.count)])).toEqual([[shared.key, 1]]);
  });
  it('prunes only counters whose window is over', async () => {
    const now = Date.now();
    const stale = `test:stale:${now}`;
    const fresh = `test:fresh:${now}`;
    await takeAttempt(t.database.db, [{ key: stale, max: 5 }], now - WINDOW_MS - 1000);
    await takeAttempt(t.database.db, [{ key: fresh, max: 5 }], now);
    expect(await pruneThrottle(t.database.db, now)).toBeGreaterThanOrEqual(1);
    const keys = (await t.database.db.selectFrom('throttle').select('key').execute()).map((r) => r.key);
    expect(keys).toContain(fresh);
    expect(keys).not.toContain(stale);
  });
});

describe('ipBucket', () => {
  it('keeps IPv4 addresses, unwraps IPv4-mapped ones and groups IPv6 by /64', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('2001:db8:0:1:aaaa::1')).toBe('2001:db8:0:1::/64');
    expect(ipBucket('2001:0db8:0000:0001:ffff:ffff:ffff:ffff')).toBe('2001:db8:0:1::/64');
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
  });
});
