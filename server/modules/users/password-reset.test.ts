import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser, signIn } from '../../test/users.js';
import { auditOf, freshIp, linkIn, outboxTo, request, uniqueEmail } from './users.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

const NEW_PASSWORD = 'another long passphrase';

const askReset = (email: string, ip = freshIp(), headers: Record<string, string> = {}) =>
  request(t.app, 'POST', '/api/password-reset', { payload: { email }, ip, headers });

describe('password reset', () => {
  it('mails a link built from PUBLIC_URL even when the Host header is forged', async () => {
    const user = await createUser(t.database.db, { lang: 'es' });
    const res = await askReset(user.email, freshIp(), {
      host: 'evil.example.com',
      'x-forwarded-host': 'evil.example.com',
      'x-forwarded-proto': 'http',
    });
    expect(res.statusCode).toBe(202);
    const [mail] = await outboxTo(t.database.db, user.email);
    expect(mail).toMatchObject({ lang: 'es', subject: 'Restablezca su contraseña de Continental' });
    const { url, token } = linkIn(mail!.body);
    expect(url).toBe(`https://continental.example.org/es/reset/${token}`);
    expect(mail!.body).not.toContain('evil.example.com');
    expect(mail!.body).toContain('60 minutos');
    const [entry] = await auditOf(t.database.db, 'password_reset.request', user.id);
    expect(entry).toMatchObject({ actor_type: 'anonymous', outcome: 'success' });
  });

  it('answers an unknown address exactly like a known one, and mails nothing', async () => {
    const known = await createUser(t.database.db);
    const unknown = uniqueEmail('nobody');
    const before = await t.database.db.selectFrom('outbox_message').select('id').execute();
    const [a, b] = [await askReset(known.email), await askReset(unknown)];
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(b.body).toBe(a.body);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    expect(await outboxTo(t.database.db, unknown)).toEqual([]);
    const after = await t.database.db.selectFrom('outbox_message').select('id').execute();
    expect(after.length - before.length).toBe(1);
  });

  it('takes about as long for an unknown address as for a known one', async () => {
    const known = await createUser(t.database.db);
    const time = async (email: string) => {
      const started = performance.now();
      await askReset(email);
      return performance.now() - started;
    };
    // Once each first: the first mail compiles its ICU messages, a cost paid once per process.
    await time(known.email);
    await time(uniqueEmail());
    const knownMs = [await time(known.email), await time(known.email)];
    const unknownMs = [await time(uniqueEmail()), await time(uniqueEmail())];
    // Both answer after the same floor; the work behind it is far shorter than the floor.
    for (const ms of [...knownMs, ...unknownMs]) expect(ms).toBeGreaterThanOrEqual(95);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean(knownMs) - mean(unknownMs))).toBeLessThan(50);
  });

  it('sets the new password once, ends every session and voids other reset links', async () => {
    const user = await createUser(t.database.db);
    const s1 = await signIn(t.app, user.email, user.password);
    const s2 = await signIn(t.app, user.email, user.password);
    await askReset(user.email);
    await askReset(user.email);
    const [first, second] = await outboxTo(t.database.db, user.email);
    const { token } = linkIn(first!.body);

    const weak = await request(t.app, 'POST', `/api/password-reset/${token}`, { payload: { password: user.email } });
    expect(weak.json()).toMatchObject({ code: 'validation_failed' });

    const done = await request(t.app, 'POST', `/api/password-reset/${token}`, { payload: { password: NEW_PASSWORD } });
    expect(done.statusCode, done.body).toBe(204);
    for (const s of [s1, s2]) {
      const session = await request(t.app, 'GET', '/api/auth/session', { session: s });
      expect(session.json()).toMatchObject({ user: null });
    }
    await expect(signIn(t.app, user.email, user.password, freshIp())).rejects.toThrow(/401/);
    await signIn(t.app, user.email, NEW_PASSWORD, freshIp());

    for (const link of [token, linkIn(second!.body).token]) {
      const again = await request(t.app, 'POST', `/api/password-reset/${link}`, {
        payload: { password: NEW_PASSWORD },
      });
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ code: 'token_invalid' });
    }
    const [entry] = await auditOf(t.database.db, 'password_reset.complete', user.id);
    expect(entry).toMatchObject({ actor_id: user.id, role: 'self' });
    expect(JSON.parse(entry!.changes)).toEqual({ sessionsEnded: { before: null, after: 2 } });
  });

  it('refuses an expired link, and an invitation link used as a reset link', async () => {
    const user = await createUser(t.database.db);
    await askReset(user.email);
    const { token } = linkIn((await outboxTo(t.database.db, user.email))[0]!.body);
    await t.database.db
      .updateTable('one_time_token')
      .set({ expires_at: new Date(Date.now() - 1).toISOString() })
      .where('user_id', '=', user.id)
      .execute();
    const expired = await request(t.app, 'POST', `/api/password-reset/${token}`, {
      payload: { password: NEW_PASSWORD },
    });
    expect(expired.json()).toMatchObject({ status: 400, code: 'token_invalid' });
    const asInvitation = await request(t.app, 'GET', `/api/invitations/${token}`);
    expect(asInvitation.json()).toMatchObject({ code: 'token_invalid' });
  });

  it('mails at most three links per address in a window, answering 202 all the same', async () => {
    const user = await createUser(t.database.db);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await askReset(user.email.toUpperCase()));
    expect(answers.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(await outboxTo(t.database.db, user.email)).toHaveLength(3);
    const denied = await auditOf(t.database.db, 'password_reset.request', user.id);
    expect(denied.map((e) => e.outcome)).toEqual(['success', 'success', 'success', 'denied']);
  });

  it('sends nothing to a disabled account', async () => {
    const user = await createUser(t.database.db, { disabled: true });
    expect((await askReset(user.email)).statusCode).toBe(202);
    expect(await outboxTo(t.database.db, user.email)).toEqual([]);
  });
});
