import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, randomToken } from '../../auth/secrets.js';
import { newId, nowIso } from '../../db/ids.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser, signIn } from '../../test/users.js';
import { auditEntries, call } from './auth.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const nameOf = async (userId: string) =>
  (await t.database.db.selectFrom('app_user').select('name').where('id', '=', userId).executeTakeFirstOrThrow()).name;

describe('PATCH /api/auth/profile', () => {
  it('updates name (NFC, trimmed) and language, returns the session user, audits masked before/after', async () => {
    const user = await createUser(t.database.db, { name: 'Old Name' });
    const s = await signIn(t.app, user.email, user.password);
    const decomposed = '  Jose\u0301 Martí  ';
    const res = await call(t.app, '/api/auth/profile', {
      method: 'PATCH',
      payload: { name: decomposed, lang: 'es' },
      as: s,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, name: 'José Martí', lang: 'es', totpEnabled: false, roles: [] });
    expect(res.headers['cache-control']).toBe('no-store');
    const [entry] = await auditEntries(t.database.db, 'auth.profile_update', user.id);
    expect(JSON.parse(entry!.changes)).toEqual({
      name: { before: 'O***e', after: 'J***í' },
      lang: { before: 'en', after: 'es' },
    });
  });

  it('refuses an empty, a 201-character or a control-character name and an unsupported language', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    for (const payload of [
      { name: '   ' },
      { name: 'x'.repeat(201) },
      { name: 'a\u0007b' },
      { lang: 'de' },
      { email: 'x@y.z' },
    ]) {
      const res = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload, as: s });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const ok = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'é'.repeat(200) }, as: s });
    expect(ok.statusCode).toBe(200);
  });

  it('needs a signed-in user', async () => {
    const res = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'Nobody' } });
    expect(res.statusCode).toBe(401);
  });

  it('rolls the change back when its audit entry cannot be written', async () => {
    const user = await createUser(t.database.db, { name: 'Kept Name' });
    const s = await signIn(t.app, user.email, user.password);
    // Take the audit table away for one request: the update must not survive without its record.
    await sql`alter table audit_log rename to audit_log_away`.execute(t.database.db);
    try {
      const res = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'Lost Name' }, as: s });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal' });
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(t.database.db);
    }
    expect(await nameOf(user.id)).toBe('Kept Name');
    const ok = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'New Name' }, as: s });
    expect(ok.statusCode).toBe(200);
    expect(await nameOf(user.id)).toBe('New Name');
  });
});

describe('POST /api/auth/password', () => {
  it('refuses 7 and 129 characters and a common password, naming the field', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const cases = [
      ['a'.repeat(7), 'password_length'],
      ['a'.repeat(129), 'password_length'],
      ['password123', 'password_common'],
      [user.email, 'password_common'],
    ] as const;
    for (const [newPassword, reason] of cases) {
      const res = await call(t.app, '/api/auth/password', {
        payload: { currentPassword: user.password, newPassword },
        as: s,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        reason,
        errors: [{ path: '/newPassword', message: reason === 'password_length' ? 'length' : 'common' }],
      });
      expect(res.json<{ detail: string }>().detail).toMatch(/8 to 128 characters|too common/);
    }
  });

  it('needs the current password, then changes it and ends the other sessions only', async () => {
    const user = await createUser(t.database.db);
    const here = await signIn(t.app, user.email, user.password);
    const elsewhere = await signIn(t.app, user.email, user.password);
    const wrong = await call(t.app, '/api/auth/password', {
      payload: { currentPassword: 'not the password', newPassword: 'a much better passphrase' },
      as: here,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });

    const res = await call(t.app, '/api/auth/password', {
      payload: { currentPassword: user.password, newPassword: 'a much better passphrase' },
      as: here,
    });
    expect(res.statusCode, res.body).toBe(204);
    const who = async (cookie: string) =>
      (await call(t.app, '/api/auth/session', { method: 'GET', as: { cookie } })).json<{ user: unknown }>().user;
    expect(await who(here.cookie)).not.toBeNull();
    expect(await who(elsewhere.cookie)).toBeNull();
    await expect(signIn(t.app, user.email, user.password)).rejects.toThrow(/401/);
    await expect(signIn(t.app, user.email, 'a much better passphrase')).resolves.toHaveProperty('cookie');
    const outcomes = (await auditEntries(t.database.db, 'auth.password_change', user.id)).map((e) => e.outcome);
    expect(outcomes).toEqual(['failure', 'success']);
    expect(JSON.stringify(await auditEntries(t.database.db, 'auth.password_change', user.id))).not.toContain(
      'passphrase',
    );
  });

  it('is not open to access tokens: a leaked script token must not take over the account', async () => {
    const user = await createUser(t.database.db);
    const token = `ctl_${randomToken()}`;
    await t.database.db
      .insertInto('access_token')
      .values({
        id: newId(),
        user_id: user.id,
        name: 'script',
        token_hash: hashToken(token),
        prefix: token.slice(0, 8),
        created_at: nowIso(),
        expires_at: null,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    const headers = { authorization: `Bearer ${token}` };
    const pw = await call(t.app, '/api/auth/password', {
      payload: { currentPassword: user.password, newPassword: 'another fine passphrase' },
      headers,
    });
    expect(pw.statusCode).toBe(403);
    expect((await call(t.app, '/api/auth/totp/setup', { headers })).statusCode).toBe(403);
    const profile = await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'Scripted' }, headers });
    expect(profile.statusCode, profile.body).toBe(200);
    const session = await call(t.app, '/api/auth/session', { method: 'GET', headers });
    expect(session.json()).toMatchObject({ user: { id: user.id }, mfaPending: false });
    expect(session.json()).not.toHaveProperty('csrfToken');
  });
});

describe('sign-in and its audit commit together', () => {
  it('opens no session when the audit entry cannot be written', async () => {
    const user = await createUser(t.database.db);
    const count = async () =>
      (await t.database.db.selectFrom('user_session').select('id_hash').where('user_id', '=', user.id).execute())
        .length;
    await sql`alter table audit_log rename to audit_log_away`.execute(t.database.db);
    try {
      const res = await call(t.app, '/api/auth/sign-in', { payload: { email: user.email, password: user.password } });
      expect(res.statusCode).toBe(500);
    } finally {
      await sql`alter table audit_log_away rename to audit_log`.execute(t.database.db);
    }
    expect(await count()).toBe(0);
  });
});
