import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { seedReference } from '../../db/seed/seed.js';
import type { App } from '../../http/types.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createUser, signIn } from '../../test/users.js';
import { freshIp, linkIn, outboxTo, request, uniqueEmail } from './users.test-helper.js';

/*
 * Secrets never reach the audit trail or the log: an app logging everything (trace) runs every
 * flow that handles a password or a token, then both are searched for each secret.
 */
let database: TestDatabase;
let app: App;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  const config = { ...loadConfig({ PUBLIC_URL: 'https://continental.example.org' }), serveWeb: false };
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  app = await buildApp({ config, database, logger: { level: 'trace', stream } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('secrets in the audit trail and the log', () => {
  it('never records a password, an invitation or reset link, or an access token', async () => {
    const secrets: string[] = [];
    const adminUser = await createUser(database.db, { roles: [{ role: 'secretariat' }] });
    const admin = await signIn(app, adminUser.email, adminUser.password);

    const email = uniqueEmail('secretive');
    const invited = await request(app, 'POST', '/api/users/invitations', {
      session: admin,
      payload: { email, name: 'Sol Secreto', lang: 'es', role: 'organization_rep', organizationId: 'iom' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = linkIn((await outboxTo(database.db, email))[0]!.body).token;
    const password = 'the first secret passphrase';
    secrets.push(invitation, password);
    expect((await request(app, 'GET', `/api/invitations/${invitation}`)).statusCode).toBe(200);
    const accepted = await request(app, 'POST', `/api/invitations/${invitation}`, { payload: { password } });
    expect(accepted.statusCode).toBe(200);

    await request(app, 'POST', '/api/password-reset', { payload: { email }, ip: freshIp() });
    const reset = linkIn((await outboxTo(database.db, email))[1]!.body).token;
    const newPassword = 'the second secret passphrase';
    secrets.push(reset, newPassword);
    const done = await request(app, 'POST', `/api/password-reset/${reset}`, { payload: { password: newPassword } });
    expect(done.statusCode).toBe(204);
    // A wrong link is logged as a client error: without the link either.
    const wrong = 'Wr0ngLinkWr0ngLinkWr0ngLinkWr0ngLinkWr0ngL';
    secrets.push(wrong);
    expect((await request(app, 'GET', `/api/invitations/${wrong}`)).statusCode).toBe(400);

    const session = await signIn(app, email, newPassword, freshIp());
    const created = await request(app, 'POST', '/api/tokens', { session, payload: { name: 'secret-holder' } });
    const { id, token } = created.json<{ id: string; token: string }>();
    secrets.push(token, token.slice(4));
    expect((await request(app, 'GET', '/api/tokens', { bearer: token })).statusCode).toBe(200);
    expect((await request(app, 'DELETE', `/api/tokens/${id}`, { bearer: token })).statusCode).toBe(204);

    const audit = await database.db.selectFrom('audit_log').selectAll().execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'user.invite',
        'invitation.accept',
        'password_reset.request',
        'password_reset.complete',
        'access_token.create',
        'access_token.revoke',
      ]),
    );
    const auditText = JSON.stringify(audit);
    const logText = logLines.join('');
    expect(logText).toContain('incoming request');
    for (const secret of secrets) {
      expect(auditText).not.toContain(secret);
      expect(logText).not.toContain(secret);
    }
    // The address is personal data: masked in what changed (the actor's label names who acted).
    expect(audit.map((a) => a.changes).join('')).not.toContain(email);
  });
});
