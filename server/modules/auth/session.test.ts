import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../auth/secrets.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser, signIn } from '../../test/users.js';
import { auditEntries, call, freshIp, sessionCookie } from './auth.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const session = async (cookie: string) => {
  const res = await call(t.app, '/api/auth/session', { method: 'GET', as: { cookie } });
  return res.json<{ user: { id: string } | null; csrfToken?: string; mfaPending: boolean }>();
};
const sessionRow = (cookie: string) =>
  t.database.db
    .selectFrom('user_session')
    .selectAll()
    .where('id_hash', '=', hashToken(cookie.split('=')[1]!))
    .executeTakeFirst();

describe('GET /api/auth/session', () => {
  it('answers anonymous visitors with no user, and a signed-in user with roles and a CSRF token, never cached', async () => {
    const anon = await call(t.app, '/api/auth/session', { method: 'GET' });
    expect(anon.json()).toEqual({ user: null, mfaPending: false });
    expect(anon.headers['cache-control']).toBe('no-store');

    const user = await createUser(t.database.db, {
      name: 'Ana Pérez',
      roles: [{ role: 'focal_point', memberState: 'MEX' }],
    });
    const s = await signIn(t.app, user.email, user.password);
    const res = await call(t.app, '/api/auth/session', { method: 'GET', as: s });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      user: {
        id: user.id,
        email: user.email,
        name: 'Ana Pérez',
        lang: 'en',
        totpEnabled: false,
        roles: [{ id: user.roleIds[0], role: 'focal_point', memberState: 'MEX', organizationId: null }],
      },
      csrfToken: s.csrfToken,
      mfaPending: false,
    });
    // Authenticated answers elsewhere are not cacheable either.
    const meetings = await call(t.app, '/api/meetings', { method: 'GET', as: s });
    expect(meetings.headers['cache-control']).toBe('no-store');
  });
});

describe('POST /api/auth/sign-in', () => {
  it('sets an HttpOnly, SameSite=Lax, Secure session cookie', async () => {
    const user = await createUser(t.database.db);
    const res = await call(t.app, '/api/auth/sign-in', { payload: { email: user.email, password: user.password } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ mfaRequired: false });
    const set = res.cookies.find((c) => c.name === '__Host-continental');
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    expect(set?.value).toMatch(/^[\w-]{43}$/);
  });

  it('issues a new session id at each sign-in and ends the one the request carried (fixation)', async () => {
    const user = await createUser(t.database.db);
    const before = await signIn(t.app, user.email, user.password);
    const res = await call(t.app, '/api/auth/sign-in', {
      payload: { email: user.email, password: user.password },
      as: before,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = sessionCookie(res)!;
    expect(after).not.toBe(before.cookie);
    expect((await session(before.cookie)).user).toBeNull();
    expect(await sessionRow(before.cookie)).toBeUndefined();
    expect((await session(after)).user?.id).toBe(user.id);
  });

  it('gives the same status and problem for an unknown email, a wrong password, no password and a disabled account', async () => {
    const user = await createUser(t.database.db);
    const invited = await createUser(t.database.db, { password: null });
    const disabled = await createUser(t.database.db, { disabled: true });
    const attempts = [
      { email: `nobody-${Date.now()}@example.org`, password: user.password },
      { email: user.email, password: 'wrong password here' },
      { email: invited.email, password: 'anything at all' },
      { email: disabled.email, password: disabled.password },
    ];
    const answers = [];
    for (const payload of attempts) {
      const res = await call(t.app, '/api/auth/sign-in', { payload, ip: freshIp() });
      const { requestId: _r, ...body } = res.json<Record<string, unknown>>();
      answers.push({ status: res.statusCode, body, cookie: sessionCookie(res) });
    }
    expect(answers[0]).toEqual({
      status: 401,
      body: expect.objectContaining({ code: 'invalid_credentials', status: 401 }),
      cookie: null,
    });
    for (const a of answers.slice(1)) expect(a).toEqual(answers[0]);
  });

  it('finds the account whatever the case of the typed email', async () => {
    const user = await createUser(t.database.db, { email: `case-${Date.now()}@example.org` });
    await expect(signIn(t.app, `  ${user.email.toUpperCase()} `, user.password)).resolves.toHaveProperty('cookie');
  });

  it('refuses a sign-in posted from another origin', async () => {
    const user = await createUser(t.database.db);
    const res = await call(t.app, '/api/auth/sign-in', {
      payload: { email: user.email, password: user.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden', reason: 'origin' });
    expect(sessionCookie(res)).toBeNull();
    const ours = await call(t.app, '/api/auth/sign-in', {
      payload: { email: user.email, password: user.password },
      headers: { origin: 'https://continental.example.org' },
    });
    expect(ours.statusCode).toBe(200);
  });

  it('rejects unknown fields', async () => {
    const res = await call(t.app, '/api/auth/sign-in', { payload: { email: 'a@b.c', password: 'x', admin: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('audits success and failure, masking the email and never recording the password', async () => {
    const user = await createUser(t.database.db, { email: `audited-${Date.now()}@example.org` });
    await call(t.app, '/api/auth/sign-in', {
      payload: { email: user.email, password: 'not-the-password' },
      ip: freshIp(),
    });
    await signIn(t.app, user.email, user.password);
    const entries = await auditEntries(t.database.db, 'auth.sign_in', user.id);
    expect(entries.map((e) => e.outcome)).toEqual(['failure', 'success']);
    const [failure, success] = entries;
    expect(failure).toMatchObject({ actor_type: 'anonymous', object_type: 'user' });
    expect(JSON.parse(failure!.changes)).toEqual({
      email: { before: null, after: 'a***@example.org' },
      reason: { before: null, after: 'wrong_password' },
    });
    expect(success).toMatchObject({ actor_type: 'user', actor_id: user.id, role: 'self' });
    const all = JSON.stringify(entries);
    expect(all).not.toContain('not-the-password');
    expect(all).not.toContain(user.password);

    const ghost = `ghost-${Date.now()}@example.org`;
    await call(t.app, '/api/auth/sign-in', { payload: { email: ghost, password: 'whatever1' }, ip: freshIp() });
    const unknown = (await auditEntries(t.database.db, 'auth.sign_in')).filter((e) => e.changes.includes('unknown'));
    expect(unknown.at(-1)).toMatchObject({ object_id: null, outcome: 'failure' });
    expect(unknown.at(-1)!.changes).not.toContain(ghost);
  });
});

describe('session lifetime', () => {
  it('sign-out ends the session and clears the cookie', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const res = await call(t.app, '/api/auth/sign-out', { as: s });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === '__Host-continental')?.value).toBe('');
    expect((await session(s.cookie)).user).toBeNull();
    expect(await auditEntries(t.database.db, 'auth.sign_out', user.id)).toHaveLength(1);
    // Without a session it is harmless.
    expect((await call(t.app, '/api/auth/sign-out')).statusCode).toBe(204);
  });

  it('sign-out everywhere ends the other sessions too', async () => {
    const user = await createUser(t.database.db);
    const laptop = await signIn(t.app, user.email, user.password);
    const phone = await signIn(t.app, user.email, user.password);
    const other = await createUser(t.database.db);
    const bystander = await signIn(t.app, other.email, other.password);
    expect((await call(t.app, '/api/auth/sign-out-everywhere', { as: phone })).statusCode).toBe(204);
    expect((await session(laptop.cookie)).user).toBeNull();
    expect((await session(phone.cookie)).user).toBeNull();
    expect((await session(bystander.cookie)).user?.id).toBe(other.id);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const idle = new Date(Date.now() - (t.app.config.session.idleMinutes * 60_000 + 1000)).toISOString();
    const idHash = hashToken(s.cookie.split('=')[1]!);
    await t.database.db.updateTable('user_session').set({ last_seen_at: idle }).where('id_hash', '=', idHash).execute();
    const res = await call(t.app, '/api/auth/session', { method: 'GET', as: s });
    expect(res.json()).toMatchObject({ user: null });
    expect(res.cookies.find((c) => c.name === '__Host-continental')?.value).toBe('');
    expect(await sessionRow(s.cookie)).toBeUndefined();
  });

  it('ends a session past its absolute lifetime even when active', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const idHash = hashToken(s.cookie.split('=')[1]!);
    await t.database.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString(), last_seen_at: new Date().toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
    expect((await session(s.cookie)).user).toBeNull();
    expect(await sessionRow(s.cookie)).toBeUndefined();
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token or with a wrong one, and accepts the right one', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const payload = { name: 'Changed Name' };
    const without = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload, as: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ code: 'forbidden', reason: 'csrf' });
    const wrong = await call(t.app, '/api/auth/profile', {
      method: 'PATCH',
      payload,
      as: { cookie: s.cookie, csrfToken: `${s.csrfToken.slice(0, -2)}xx` },
    });
    expect(wrong.statusCode).toBe(403);
    const right = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload, as: s });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toMatchObject({ name: 'Changed Name' });
  });
});
