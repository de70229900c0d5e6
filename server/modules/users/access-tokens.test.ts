import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessToken } from '../../../shared/schemas/users.js';
import { hashToken } from '../../auth/secrets.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { maxExpiry } from './access-tokens.js';
import { auditOf, request, signedIn } from './users.test-helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => t.close());

type Session = { cookie: string; csrfToken?: string };

async function createToken(session: Session, payload: object = { name: 'nightly export' }) {
  const res = await request(t.app, 'POST', '/api/tokens', { session, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; token: string }>();
}

describe('personal access tokens', () => {
  it('are shown once as ctl_ + 43 characters, stored hashed with a display prefix, and work as Bearer', async () => {
    const owner = await signedIn(t.app, t.database.db, 'participant');
    const inAYear = new Date(Date.now() + 300 * 86400_000).toISOString();
    const { id, token } = await createToken(owner.session, { name: 'reports', expiresAt: inAYear });
    expect(token).toMatch(/^ctl_[A-Za-z0-9_-]{43}$/);

    const row = await t.database.db
      .selectFrom('access_token')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(4, 12));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));

    const list = await request(t.app, 'GET', '/api/tokens', { bearer: token });
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: AccessToken[] }>().items).toEqual([
      {
        id,
        name: 'reports',
        prefix: token.slice(4, 12),
        createdAt: expect.any(String),
        expiresAt: inAYear,
        lastUsedAt: expect.any(String),
        revokedAt: null,
      },
    ]);
    const [entry] = await auditOf(t.database.db, 'access_token.create', id);
    expect(entry).toMatchObject({ actor_id: owner.id, role: 'self', outcome: 'success' });
  });

  it('act with the owner’s roles only: a participant’s token cannot list users', async () => {
    const participant = await signedIn(t.app, t.database.db, 'participant');
    const secretariat = await signedIn(t.app, t.database.db, 'secretariat');
    const weak = await createToken(participant.session);
    const strong = await createToken(secretariat.session);
    const refused = await request(t.app, 'GET', '/api/users', { bearer: weak.token });
    expect(refused.statusCode).toBe(403);
    const denied = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.list')
      .where('actor_id', '=', participant.id)
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ actor_type: 'token', outcome: 'denied' });
    expect((await request(t.app, 'GET', '/api/users', { bearer: strong.token })).statusCode).toBe(200);
  });

  it('need no CSRF token as Bearer, while a cookie-authenticated write without one is refused', async () => {
    const owner = await signedIn(t.app, t.database.db, 'secretariat');
    const { id, token } = await createToken(owner.session);
    const second = await createToken(owner.session, { name: 'second' });
    const noCsrf = await request(t.app, 'DELETE', `/api/tokens/${second.id}`, {
      session: { cookie: owner.session.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'forbidden', reason: 'csrf' });

    const viaBearer = await request(t.app, 'PATCH', `/api/users/${owner.id}`, {
      bearer: token,
      payload: { name: 'Changed By Script' },
    });
    expect(viaBearer.statusCode, viaBearer.body).toBe(200);
    expect((await request(t.app, 'DELETE', `/api/tokens/${second.id}`, { bearer: token })).statusCode).toBe(204);
    const [entry] = await auditOf(t.database.db, 'access_token.revoke', second.id);
    expect(entry).toMatchObject({ actor_type: 'token', actor_id: owner.id });
    expect((await request(t.app, 'GET', '/api/tokens', { bearer: token })).statusCode).toBe(200);
    expect(id).not.toBe(second.id);
  });

  it('cannot mint more tokens: creating one needs a session', async () => {
    const owner = await signedIn(t.app, t.database.db, 'participant');
    const { token } = await createToken(owner.session);
    const res = await request(t.app, 'POST', '/api/tokens', { bearer: token, payload: { name: 'child' } });
    expect(res.statusCode).toBe(403);
    expect((await request(t.app, 'POST', '/api/tokens', { payload: { name: 'anon' } })).statusCode).toBe(401);
  });

  it('answer 401 once revoked or expired, and only their owner can revoke them', async () => {
    const owner = await signedIn(t.app, t.database.db, 'participant');
    const stranger = await signedIn(t.app, t.database.db, 'secretariat');
    const revoked = await createToken(owner.session);
    const expired = await createToken(owner.session);

    const foreign = await request(t.app, 'DELETE', `/api/tokens/${revoked.id}`, { session: stranger.session });
    expect(foreign.statusCode).toBe(404);
    const del = await request(t.app, 'DELETE', `/api/tokens/${revoked.id}`, { session: owner.session });
    expect(del.statusCode).toBe(204);
    expect((await request(t.app, 'DELETE', `/api/tokens/${revoked.id}`, { session: owner.session })).statusCode).toBe(
      204,
    );
    expect(await auditOf(t.database.db, 'access_token.revoke', revoked.id)).toHaveLength(1);
    const afterRevoke = await request(t.app, 'GET', '/api/tokens', { bearer: revoked.token });
    expect(afterRevoke.statusCode).toBe(401);
    expect(afterRevoke.json()).toMatchObject({ code: 'unauthorized' });

    await t.database.db
      .updateTable('access_token')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    expect((await request(t.app, 'GET', '/api/tokens', { bearer: expired.token })).statusCode).toBe(401);

    const listed = await request(t.app, 'GET', '/api/tokens', { session: owner.session });
    const byId = new Map(listed.json<{ items: AccessToken[] }>().items.map((i) => [i.id, i]));
    expect(byId.get(revoked.id)?.revokedAt).toEqual(expect.any(String));
    expect(byId.get(expired.id)?.revokedAt).toBeNull();
  });

  it('validate the name and the expiry (future, at most a year)', async () => {
    const owner = await signedIn(t.app, t.database.db, 'participant');
    const cases = [
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(101) },
      { name: 'ok', expiresAt: new Date(Date.now() - 60_000).toISOString() },
      { name: 'ok', expiresAt: new Date(maxExpiry().getTime() + 86400_000).toISOString() },
      { name: 'ok', expiresAt: 'tomorrow' },
      { name: 'ok', scope: 'all' },
    ];
    for (const payload of cases) {
      const res = await request(t.app, 'POST', '/api/tokens', { session: owner.session, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    await createToken(owner.session, { name: 'x'.repeat(100) });
  });
});
