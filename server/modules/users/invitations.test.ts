import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../db/seed/seed.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { auditOf, linkIn, outboxTo, request, signedIn, uniqueEmail, type SignedInUser } from './users.test-helper.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.database.db);
  admin = await signedIn(t.app, t.database.db, 'secretariat');
});
afterAll(async () => t.close());

const PASSWORD = 'a long and unusual passphrase';

async function invite(payload: Record<string, unknown>) {
  return request(t.app, 'POST', '/api/users/invitations', { session: admin.session, payload });
}

async function invited(lang = 'fr', extra: Record<string, unknown> = {}) {
  const email = uniqueEmail('invited');
  const res = await invite({ email, name: 'Marie Dupont', lang, role: 'focal_point', memberState: 'HTI', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const [mail] = await outboxTo(t.database.db, email);
  return { email, userId: res.json<{ userId: string }>().userId, mail: mail!, ...linkIn(mail!.body) };
}

describe('invitations', () => {
  it('creates the user, role and link in one go, mails it in their language, and signs them in on acceptance', async () => {
    const { email, userId, mail, url, token } = await invited('fr');
    expect(url).toBe(`https://continental.example.org/fr/invitation/${token}`);
    expect(mail).toMatchObject({ lang: 'fr', subject: 'Votre invitation à Continental', sent_at: null, error: null });
    expect(mail.body).toContain('Bonjour Marie Dupont');
    expect(mail.body).toContain('point focal national');
    expect(mail.body).toContain('7 jours');
    // Only the hash is stored.
    const stored = await t.database.db.selectFrom('one_time_token').selectAll().where('user_id', '=', userId).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: 'invitation', used_at: null, created_by: admin.id });
    expect(stored[0]!.token_hash).not.toBe(token);
    const days = (Date.parse(stored[0]!.expires_at) - Date.parse(stored[0]!.created_at)) / 86400_000;
    expect(days).toBe(7);

    const info = await request(t.app, 'GET', `/api/invitations/${token}`);
    expect(info.json()).toEqual({ email, name: 'Marie Dupont', lang: 'fr' });

    const accept = await request(t.app, 'POST', `/api/invitations/${token}`, {
      payload: { password: PASSWORD, name: 'Marie-Claire Dupont' },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json()).toEqual({ userId });
    const cookie = accept.cookies.find((c) => c.name.endsWith('continental'));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    const session = await request(t.app, 'GET', '/api/auth/session', {
      session: { cookie: `${cookie!.name}=${cookie!.value}` },
    });
    expect(session.json()).toMatchObject({
      user: { id: userId, email, name: 'Marie-Claire Dupont', roles: [{ role: 'focal_point', memberState: 'HTI' }] },
    });

    const [invitedEntry] = await auditOf(t.database.db, 'user.invite', userId);
    expect(invitedEntry).toMatchObject({ actor_id: admin.id, role: 'secretariat', outcome: 'success' });
    const [accepted] = await auditOf(t.database.db, 'invitation.accept', userId);
    expect(accepted).toMatchObject({ actor_id: userId, role: 'self' });
  });

  it('refuses a used, an expired or an unknown link with 400 token_invalid', async () => {
    const first = await invited('en', { role: 'participant', memberState: undefined });
    const ok = await request(t.app, 'POST', `/api/invitations/${first.token}`, { payload: { password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const again = await request(t.app, 'POST', `/api/invitations/${first.token}`, { payload: { password: PASSWORD } });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'token_invalid' });
    expect((await request(t.app, 'GET', `/api/invitations/${first.token}`)).json()).toMatchObject({
      code: 'token_invalid',
    });

    const second = await invited('es', { role: 'participant', memberState: undefined });
    await t.database.db
      .updateTable('one_time_token')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', second.userId)
      .execute();
    for (const res of [
      await request(t.app, 'GET', `/api/invitations/${second.token}`),
      await request(t.app, 'POST', `/api/invitations/${second.token}`, { payload: { password: PASSWORD } }),
      await request(t.app, 'GET', `/api/invitations/${'x'.repeat(43)}`),
      await request(t.app, 'GET', '/api/invitations/not-a-token'),
    ]) {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'token_invalid' });
    }
    const user = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', second.userId)
      .executeTakeFirstOrThrow();
    expect(user.password_hash).toBeNull();
  });

  it('checks the password policy and leaves the link usable after a refused password', async () => {
    const { token } = await invited('pt', { role: 'participant', memberState: undefined });
    const weak = await request(t.app, 'POST', `/api/invitations/${token}`, { payload: { password: 'password' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: '/password' }] });
    const ok = await request(t.app, 'POST', `/api/invitations/${token}`, { payload: { password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('lets exactly one of two simultaneous acceptances win', async () => {
    const { token } = await invited('en', { role: 'participant', memberState: undefined });
    const results = await Promise.all(
      [1, 2, 3].map(() => request(t.app, 'POST', `/api/invitations/${token}`, { payload: { password: PASSWORD } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400, 400]);
  });

  it('answers 409 email_taken for an address already in use, whatever its case', async () => {
    const { email } = await invited('en', { role: 'participant', memberState: undefined });
    const res = await invite({ email: email.toUpperCase(), name: 'Again', lang: 'en', role: 'participant' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'email_taken' });
    const simultaneous = uniqueEmail('race');
    const both = await Promise.all(
      [1, 2].map(() => invite({ email: simultaneous, name: 'Race', lang: 'en', role: 'participant' })),
    );
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('validates the role scope and unknown fields before creating anything', async () => {
    const email = uniqueEmail('scope');
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'focal_point' }, '/memberState'],
      [{ role: 'focal_point', memberState: 'ZZZ' }, '/memberState'],
      [{ role: 'organization_rep', organizationId: 'no-such-org' }, '/organizationId'],
      [{ role: 'participant', memberState: 'HTI' }, '/memberState'],
      [{ role: 'participant', extra: 1 }, 'body/extra'],
    ];
    for (const [extra, path] of cases) {
      const res = await invite({ email, name: 'Scope', lang: 'en', ...extra });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path })] });
    }
    const rows = await t.database.db.selectFrom('app_user').select('id').where('email', '=', email).execute();
    expect(rows).toEqual([]);
    expect(await outboxTo(t.database.db, email)).toEqual([]);
  });

  it('is for the secretariat only: others get 403 (audited), anonymous callers 401', async () => {
    const participant = await signedIn(t.app, t.database.db, 'participant');
    const payload = { email: uniqueEmail(), name: 'X', lang: 'en', role: 'participant' };
    const res = await request(t.app, 'POST', '/api/users/invitations', { session: participant.session, payload });
    expect(res.statusCode).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.invite')
      .where('actor_id', '=', participant.id)
      .execute();
    expect(denied).toMatchObject([{ outcome: 'denied' }]);
    expect((await request(t.app, 'POST', '/api/users/invitations', { payload })).statusCode).toBe(401);
  });
});
