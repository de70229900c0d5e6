import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, totpAt } from '../../auth/totp.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser, signIn, type SignedIn, type TestUser } from '../../test/users.js';
import { auditEntries, call, freshIp, sessionCookie } from './auth.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

/** The code an authenticator app shows `offsetSteps` steps from now. */
const codeFor = (secret: string, offsetSteps = 0) => totpAt(base32Decode(secret), Date.now() / 1000 + offsetSteps * 30);

async function enrol(user: TestUser): Promise<{ s: SignedIn; secret: string; recoveryCodes: string[] }> {
  const s = await signIn(t.app, user.email, user.password);
  const setup = await call(t.app, '/api/auth/totp/setup', { as: s });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret, otpauthUrl, qrSvg } = setup.json<{ secret: string; otpauthUrl: string; qrSvg: string }>();
  expect(otpauthUrl).toContain(`secret=${secret}`);
  expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  const enabled = await call(t.app, '/api/auth/totp/enable', { payload: { code: codeFor(secret) }, as: s });
  expect(enabled.statusCode, enabled.body).toBe(200);
  return { s, secret, recoveryCodes: enabled.json<{ recoveryCodes: string[] }>().recoveryCodes };
}

/** Password step of a sign-in that will need the second factor: the pending cookie. */
async function passwordStep(user: TestUser, ip = freshIp()): Promise<string> {
  const res = await call(t.app, '/api/auth/sign-in', { payload: { email: user.email, password: user.password }, ip });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.json()).toEqual({ mfaRequired: true });
  return sessionCookie(res)!;
}

const secondStep = (cookie: string, code: string, ip = freshIp()) =>
  call(t.app, '/api/auth/sign-in/totp', { payload: { code }, as: { cookie }, ip });

const sessionOf = async (cookie: string) =>
  (await call(t.app, '/api/auth/session', { method: 'GET', as: { cookie } })).json<{
    user: { id: string; totpEnabled: boolean } | null;
    mfaPending: boolean;
  }>();

describe('second factor', () => {
  it('enrols, then sign-in needs the code: wrong 401, right ok with a rotated session id', async () => {
    const user = await createUser(t.database.db);
    const { secret, recoveryCodes } = await enrol(user);
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{2}$/);
    expect(new Set(recoveryCodes).size).toBe(10);

    // The secret is stored encrypted, and recovery codes only as keyed hashes.
    const row = await t.database.db
      .selectFrom('app_user')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^v1\./);
    expect(row.totp_secret).not.toContain(secret);
    const hashes = await t.database.db.selectFrom('recovery_code').selectAll().where('user_id', '=', user.id).execute();
    expect(hashes).toHaveLength(10);
    expect(JSON.stringify(hashes)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));

    const pending = await passwordStep(user);
    expect(await sessionOf(pending)).toEqual({ user: null, mfaPending: true });
    // A pending session is not signed in: it cannot act as the user.
    expect(
      (await call(t.app, '/api/auth/profile', { method: 'PATCH', payload: { name: 'X' }, as: { cookie: pending } }))
        .statusCode,
    ).toBe(401);

    const wrong = await secondStep(pending, codeFor(secret, 5));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'mfa_required' });

    // The enable step used the current step's code; the app's next code is the one to type now.
    const ok = await secondStep(pending, codeFor(secret, 1));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ ok: true });
    const full = sessionCookie(ok)!;
    expect(full).not.toBe(pending);
    expect(await sessionOf(pending)).toEqual({ user: null, mfaPending: false });
    expect(await sessionOf(full)).toMatchObject({ user: { id: user.id, totpEnabled: true }, mfaPending: false });

    const outcomes = (await auditEntries(t.database.db, 'auth.sign_in_mfa', user.id)).map((e) => e.outcome);
    expect(outcomes).toEqual(['failure', 'success']);
  });

  it('refuses a code already used (replay within its validity)', async () => {
    const user = await createUser(t.database.db);
    const { secret } = await enrol(user);
    // One string, typed twice (computing it twice could cross a step boundary and yield a new code).
    const code = codeFor(secret, 1);
    const first = await secondStep(await passwordStep(user), code);
    expect(first.statusCode).toBe(200);
    const replay = await secondStep(await passwordStep(user), code);
    expect(replay.statusCode).toBe(401);
  });

  it('accepts each recovery code once, in any case and with or without dashes', async () => {
    const user = await createUser(t.database.db);
    const { recoveryCodes } = await enrol(user);
    const [code] = recoveryCodes;
    const first = await secondStep(await passwordStep(user), code!.toUpperCase());
    expect(first.statusCode, first.body).toBe(200);
    const again = await secondStep(await passwordStep(user), code!.replace(/-/g, ''));
    expect(again.statusCode).toBe(401);
    expect((await secondStep(await passwordStep(user), recoveryCodes[1]!)).statusCode).toBe(200);
  });

  it('throttles second-factor guesses per account', async () => {
    const user = await createUser(t.database.db);
    const { secret } = await enrol(user);
    const pending = await passwordStep(user);
    for (let i = 0; i < 5; i++)
      expect((await secondStep(pending, codeFor(secret, 10), freshIp())).statusCode).toBe(401);
    const res = await secondStep(pending, codeFor(secret, 1), freshIp());
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('answers the second step without a pending session with 401', async () => {
    const res = await call(t.app, '/api/auth/sign-in/totp', { payload: { code: '123456' } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthorized' });
  });

  it('refuses a wrong enrolment code and keeps the factor off', async () => {
    const user = await createUser(t.database.db);
    const s = await signIn(t.app, user.email, user.password);
    const { secret } = (await call(t.app, '/api/auth/totp/setup', { as: s })).json<{ secret: string }>();
    const res = await call(t.app, '/api/auth/totp/enable', { payload: { code: codeFor(secret, 4) }, as: s });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', reason: 'totp_code' });
    expect((await sessionOf(s.cookie)).user?.totpEnabled).toBe(false);
  });

  it('disables with the password; wrong password refused; audited', async () => {
    const user = await createUser(t.database.db);
    const { s } = await enrol(user);
    const wrong = await call(t.app, '/api/auth/totp/disable', { payload: { password: 'not it at all' }, as: s });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    const ok = await call(t.app, '/api/auth/totp/disable', { payload: { password: user.password }, as: s });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await sessionOf(s.cookie)).user?.totpEnabled).toBe(false);
    expect(
      await t.database.db.selectFrom('recovery_code').selectAll().where('user_id', '=', user.id).execute(),
    ).toEqual([]);
    const actions = ['auth.totp_setup', 'auth.totp_enable', 'auth.totp_disable'];
    for (const action of actions)
      expect((await auditEntries(t.database.db, action, user.id)).length).toBeGreaterThan(0);
    // And signing in no longer asks for a code.
    await expect(signIn(t.app, user.email, user.password)).resolves.toHaveProperty('csrfToken');
  });

  it('does not let the secretariat turn its second factor off (403)', async () => {
    const user = await createUser(t.database.db, { roles: [{ role: 'secretariat' }] });
    const { s } = await enrol(user);
    const res = await call(t.app, '/api/auth/totp/disable', { payload: { password: user.password }, as: s });
    expect(res.statusCode).toBe(403);
    expect((await sessionOf(s.cookie)).user?.totpEnabled).toBe(true);
    const denied = await auditEntries(t.database.db, 'auth.totp_disable');
    expect(denied.filter((e) => e.actor_id === user.id).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('refuses enrolment a second time while on (409)', async () => {
    const user = await createUser(t.database.db);
    const { s } = await enrol(user);
    expect((await call(t.app, '/api/auth/totp/setup', { as: s })).statusCode).toBe(409);
  });
});
