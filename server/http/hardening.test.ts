import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { buildTestApp, type TestApp } from '../test/app.js';
import { createTestDatabase } from '../test/database.js';
import { createUser, signIn } from '../test/users.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

describe('hardening', () => {
  it('sets security headers on API answers and pages', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // PUBLIC_URL is https in tests: HSTS is on.
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('leaves HSTS off when the public URL is plain http (development)', async () => {
    const database = await createTestDatabase();
    const config = {
      ...loadConfig({ PUBLIC_URL: 'http://localhost:3000' }),
      serveWeb: false,
      dataDir: database.dataDir,
    };
    const app = await buildApp({ config, database, logger: false });
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    await app.close();
    await database.drop();
  });

  it('answers 415 to an unexpected content type and 413 to an oversized body, as problems', async () => {
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=x',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ code: 'unsupported_media_type' });

    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('rejects __proto__ and constructor.prototype poisoning in JSON bodies', async () => {
    for (const payload of [
      '{"email":"a@b.c","password":"longenough1","__proto__":{"admin":true}}',
      '{"email":"a@b.c","password":"longenough1","constructor":{"prototype":{"admin":true}}}',
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('ignores X-Forwarded-For unless the proxy is configured as trusted', async () => {
    const user = await createUser(t.database.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      payload: JSON.stringify({ email: user.email, password: 'definitely wrong' }),
    });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.sign_in')
      .where('outcome', '=', 'failure')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.ip).not.toBe('203.0.113.9');

    const database = await createTestDatabase();
    const config = {
      ...loadConfig({ PUBLIC_URL: 'https://continental.example.org', TRUST_PROXY: '127.0.0.1' }),
      serveWeb: false,
      dataDir: database.dataDir,
    };
    const app = await buildApp({ config, database, logger: false });
    app.get('/api/test-ip', { schema: { hide: true } }, async (request) => ({ ip: request.ip }));
    const res = await app.inject({ url: '/api/test-ip', headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.json()).toEqual({ ip: '203.0.113.9' });
    await app.close();
    await database.drop();
  });

  it('marks authenticated answers Cache-Control: no-store, public ones cacheable', async () => {
    const user = await createUser(t.database.db);
    const { cookie } = await signIn(t.app, user.email, user.password);
    const mine = await t.app.inject({ url: '/api/auth/session', headers: { cookie } });
    expect(mine.headers['cache-control']).toBe('no-store');
    const pub = await t.app.inject({ url: '/api/member-states?lang=en' });
    expect(pub.headers['cache-control']).not.toBe('no-store');
  });
});
