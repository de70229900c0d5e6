import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../shared/roles.js';
import type { User, UserList } from '../../../shared/schemas/users.js';
import { seedReference } from '../../db/seed/seed.js';
import { AppError } from '../../http/errors.js';
import { buildTestApp, type TestApp } from '../../test/app.js';
import { createUser } from '../../test/users.js';
import { assignmentError, insertAssignment } from './role-assignments.js';
import { auditOf, request, signedIn, type SignedInUser } from './users.test-helper.js';

let t: TestApp;
let admin: SignedInUser;
beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.database.db);
  admin = await signedIn(t.app, t.database.db, 'secretariat');
});
afterAll(async () => t.close());

const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  request(t.app, method, url, { session: admin.session, ...(payload ? { payload } : {}) });

describe('GET /api/users', () => {
  it('filters by role and by part of the name or email, pages, and caps the page size at 100', async () => {
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (const [i, name] of ['Beatriz Souza', 'Ana Lima', 'Carlos 100%_Ruiz'].entries()) {
      made.push(
        await createUser(t.database.db, {
          name: `${name} ${tag}`,
          email: `${tag}-${i}@example.org`,
          roles: [i === 0 ? { role: 'focal_point', memberState: 'BRA' } : { role: 'participant' }],
        }),
      );
    }
    const all = (await asAdmin('GET', `/api/users?q=${tag.toUpperCase()}`)).json<UserList>();
    expect(all.total).toBe(3);
    expect(all.items.map((u) => u.name.split(' ')[0])).toEqual(['Ana', 'Beatriz', 'Carlos']);
    expect(all.items[1]).toEqual({
      id: made[0]!.id,
      email: `${tag}-0@example.org`,
      name: `Beatriz Souza ${tag}`,
      lang: 'en',
      disabled: false,
      totpEnabled: false,
      roles: [{ id: made[0]!.roleIds[0], role: 'focal_point', memberState: 'BRA', organizationId: null }],
      createdAt: expect.any(String),
    });

    const focal = (await asAdmin('GET', `/api/users?q=${tag}&role=focal_point`)).json<UserList>();
    expect(focal.items.map((u) => u.id)).toEqual([made[0]!.id]);
    // Wildcards typed in the box are literal.
    expect((await asAdmin('GET', `/api/users?q=${encodeURIComponent('100%_R')}`)).json<UserList>().total).toBe(1);
    expect((await asAdmin('GET', `/api/users?q=${encodeURIComponent('%')}`)).json<UserList>().total).toBe(1);

    const page2 = (await asAdmin('GET', `/api/users?q=${tag}&page=2&pageSize=2`)).json<UserList>();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3, items: [{ name: `Carlos 100%_Ruiz ${tag}` }] });
    const tooBig = await asAdmin('GET', '/api/users?pageSize=101');
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('role assignments', () => {
  it('validates the scope of a role and maps database refusals to 400/409, never 500', async () => {
    const user = await createUser(t.database.db);
    const url = `/api/users/${user.id}/roles`;
    const cases: [object, number, string][] = [
      [{ role: 'focal_point' }, 400, 'validation_failed'],
      [{ role: 'focal_point', memberState: 'XYZ' }, 400, 'validation_failed'],
      [{ role: 'focal_point', memberState: 'ARG', organizationId: 'iom' }, 400, 'validation_failed'],
      [{ role: 'organization_rep', organizationId: 'nope' }, 400, 'validation_failed'],
      [{ role: 'organization_rep', memberState: 'ARG' }, 400, 'validation_failed'],
      [{ role: 'secretariat', memberState: 'ARG' }, 400, 'validation_failed'],
      [{ role: 'king' }, 400, 'validation_failed'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await asAdmin('POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    const added = await asAdmin('POST', url, { role: 'focal_point', memberState: 'ARG' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<RoleAssignment>()).toMatchObject({ role: 'focal_point', memberState: 'ARG' });
    const again = await asAdmin('POST', url, { role: 'focal_point', memberState: 'ARG' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
    const rep = await asAdmin('POST', url, { role: 'organization_rep', organizationId: 'iom' });
    expect(rep.statusCode, rep.body).toBe(201);
    expect((await asAdmin('POST', '/api/users/no-such-user/roles', { role: 'participant' })).statusCode).toBe(404);
    expect(await auditOf(t.database.db, 'role.add', user.id)).toHaveLength(2);
  });

  it('leans on the database for what the checks cannot see (a race): constraint errors become problems', async () => {
    const user = await createUser(t.database.db, { roles: [{ role: 'participant' }] });
    const duplicate = await insertAssignment(t.database.db, user.id, {
      role: 'participant',
      memberState: null,
      organizationId: null,
    }).catch((e: unknown) => assignmentError(e));
    expect(duplicate).toBeInstanceOf(AppError);
    expect(duplicate).toMatchObject({ code: 'conflict', status: 409 });
    const badScope = await insertAssignment(t.database.db, user.id, {
      role: 'focal_point',
      memberState: null,
      organizationId: null,
    }).catch((e: unknown) => assignmentError(e));
    expect(badScope).toMatchObject({ code: 'validation_failed', status: 400 });
  });

  it('removes a role through its user, audits it, and will not remove your own secretariat role', async () => {
    const user = await createUser(t.database.db, { roles: [{ role: 'participant' }] });
    const other = await createUser(t.database.db, { roles: [{ role: 'participant' }] });
    const wrongParent = await asAdmin('DELETE', `/api/users/${other.id}/roles/${user.roleIds[0]}`);
    expect(wrongParent.statusCode).toBe(404);
    const removed = await asAdmin('DELETE', `/api/users/${user.id}/roles/${user.roleIds[0]}`);
    expect(removed.statusCode).toBe(204);
    expect((await asAdmin('DELETE', `/api/users/${user.id}/roles/${user.roleIds[0]}`)).statusCode).toBe(404);
    const [entry] = await auditOf(t.database.db, 'role.remove', user.id);
    expect(JSON.parse(entry!.changes)).toMatchObject({ assignment: { before: { role: 'participant' }, after: null } });

    const own = await asAdmin('DELETE', `/api/users/${admin.id}/roles/${admin.roleIds[0]}`);
    expect(own.statusCode).toBe(409);
  });
});

describe('PATCH /api/users/:id', () => {
  it('disabling ends the sessions and revokes the tokens of the account, and is audited', async () => {
    const target = await signedIn(t.app, t.database.db, 'focal_point', { memberState: 'CHL' });
    const created = await request(t.app, 'POST', '/api/tokens', { session: target.session, payload: { name: 'ci' } });
    const { token } = created.json<{ token: string }>();
    expect((await request(t.app, 'GET', '/api/tokens', { bearer: token })).statusCode).toBe(200);

    const res = await asAdmin('PATCH', `/api/users/${target.id}`, { disabled: true, name: 'Renamed Person' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<User>()).toMatchObject({ id: target.id, disabled: true, name: 'Renamed Person' });

    const session = await request(t.app, 'GET', '/api/auth/session', { session: target.session });
    expect(session.json()).toMatchObject({ user: null });
    const sessions = await t.database.db.selectFrom('user_session').where('user_id', '=', target.id).select('id_hash');
    expect(await sessions.execute()).toEqual([]);
    expect((await request(t.app, 'GET', '/api/tokens', { bearer: token })).statusCode).toBe(401);

    // Re-enabling does not bring the old token back.
    const enabled = await asAdmin('PATCH', `/api/users/${target.id}`, { disabled: false });
    expect(enabled.json<User>().disabled).toBe(false);
    expect((await request(t.app, 'GET', '/api/tokens', { bearer: token })).statusCode).toBe(401);

    const entries = await auditOf(t.database.db, 'user.update', target.id);
    expect(entries.map((e) => JSON.parse(e.changes))).toEqual([
      { name: { before: 'T***r', after: 'R***n' }, disabled: { before: false, after: true } },
      { disabled: { before: true, after: false } },
    ]);
  });

  it('refuses to disable yourself, an empty patch, unknown fields and unknown users', async () => {
    expect((await asAdmin('PATCH', `/api/users/${admin.id}`, { disabled: true })).statusCode).toBe(409);
    expect((await asAdmin('PATCH', `/api/users/${admin.id}`, {})).statusCode).toBe(400);
    expect((await asAdmin('PATCH', `/api/users/${admin.id}`, { email: 'x@example.org' })).statusCode).toBe(400);
    expect((await asAdmin('PATCH', '/api/users/nobody', { name: 'X' })).statusCode).toBe(404);
  });
});

describe('who may administer accounts', () => {
  it('answers 401 to anonymous callers and 403 to every role but the secretariat, on every route', async () => {
    const target = await createUser(t.database.db, { roles: [{ role: 'participant' }] });
    const routes: [method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users/invitations', { email: 'n@example.org', name: 'N', lang: 'en', role: 'participant' }],
      ['POST', `/api/users/${target.id}/roles`, { role: 'participant' }],
      ['DELETE', `/api/users/${target.id}/roles/${target.roleIds[0]}`],
      ['PATCH', `/api/users/${target.id}`, { name: 'Changed' }],
      ['GET', '/api/outbox'],
    ];
    const others = [
      await signedIn(t.app, t.database.db, 'participant'),
      await signedIn(t.app, t.database.db, 'focal_point', { memberState: 'PER' }),
      await signedIn(t.app, t.database.db, 'organization_rep', { organizationId: 'iom' }),
    ];
    for (const [method, url, payload] of routes) {
      const anonymous = await request(t.app, method, url, payload ? { payload } : {});
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      for (const who of others) {
        const res = await request(t.app, method, url, { session: who.session, ...(payload ? { payload } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
      }
    }
    const untouched = await t.database.db
      .selectFrom('app_user')
      .select('name')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(untouched.name).toBe(target.name);
  });
});
