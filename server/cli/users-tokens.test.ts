import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { seedReference } from '../db/seed/seed.js';
import type { App } from '../http/types.js';
import { createTestDatabase, type TestDatabase } from '../test/database.js';
import { signIn } from '../test/users.js';
import { runCli } from '../test/cli.js';

/** Each run starts a process that compiles TypeScript on the fly: seconds each, more on a busy machine. */
const SLOW = { timeout: 180_000 };
const PUBLIC_URL = 'https://meeting.example.org';

let database: TestDatabase;
/** The server, on the same database the command writes to. */
let app: App;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedReference(database.db);
  const config = { ...loadConfig({ PUBLIC_URL }), serveWeb: false, dataDir: database.dataDir };
  app = await buildApp({ config, database, logger: { level: 'error' } });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

const cli = (args: string[], input?: string) => runCli(database, args, { input, env: { PUBLIC_URL } });

let n = 0;
const email = (label: string) => `${label}-${process.pid}-${n++}@example.org`;
const cliAudit = (action: string, objectId: string) =>
  database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .executeTakeFirst();

describe('continental users', () => {
  it(
    'creates an invited user: prints the id and a PUBLIC_URL link, records the mail, audits as the command line',
    SLOW,
    async () => {
      const address = email('focal');
      const res = await cli([
        'users',
        'create',
        '--email',
        address,
        '--name',
        'Luis Gómez',
        '--role',
        'focal_point',
        '--state',
        'col',
        '--lang',
        'es',
      ]);
      expect(res.code, res.stderr).toBe(0);
      const id = /^Created user (\S+)$/m.exec(res.stdout)?.[1];
      expect(id).toBeDefined();
      const link = res.stdout.trim().split('\n').at(-1)!;
      expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/es/invitation/[A-Za-z0-9_-]{43}$`));
      const mail = await database.db
        .selectFrom('outbox_message')
        .selectAll()
        .where('to_address', '=', address)
        .execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]!.body).toContain(link);
      expect(await cliAudit('user.invite', id!)).toMatchObject({
        actor_type: 'cli',
        actor_label: 'command line',
        role: 'cli',
      });
      // The link works in the server.
      const token = link.split('/').at(-1)!;
      const info = await app.inject({ method: 'GET', url: `/api/invitations/${token}` });
      expect(info.json()).toEqual({ email: address, name: 'Luis Gómez', lang: 'es' });
    },
  );

  it('takes a password from standard input instead, and the user can sign in with it', SLOW, async () => {
    const address = email('admin');
    const password = 'typed into a pipe, not the shell';
    const res = await cli(
      ['users', 'create', '--email', address, '--name', 'Admin', '--role', 'secretariat', '--password-stdin'],
      `${password}\n`,
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).not.toContain('invitation');
    const id = /^Created user (\S+)$/m.exec(res.stdout)![1]!;
    expect(await cliAudit('user.create', id)).toMatchObject({ actor_type: 'cli' });
    const session = await signIn(app, address, password);
    const users = await app.inject({ method: 'GET', url: '/api/users', headers: { cookie: session.cookie } });
    expect(users.statusCode).toBe(200);
  });

  it('explains invalid input and exits with status 2', SLOW, async () => {
    const taken = email('taken');
    expect((await cli(['users', 'create', '--email', taken, '--name', 'T', '--role', 'participant'])).code).toBe(0);
    const cases: [string[], RegExp][] = [
      [['users', 'create', '--email', email('x'), '--name', 'X', '--role', 'king'], /--role must be one of/],
      [['users', 'create', '--email', 'not-an-email', '--name', 'X', '--role', 'participant'], /--email/],
      [['users', 'create', '--email', email('x'), '--name', 'X', '--role', 'focal_point'], /member state/],
      [
        ['users', 'create', '--email', email('x'), '--name', 'X', '--role', 'focal_point', '--state', 'XXX'],
        /not an OAS member state/,
      ],
      [['users', 'create', '--email', taken.toUpperCase(), '--name', 'X', '--role', 'participant'], /already exists/],
      [
        ['users', 'create', '--email', email('x'), '--name', 'X', '--role', 'participant', '--colour', 'red'],
        /Unknown option/,
      ],
      [['tokens', 'create', '--email', email('nobody'), '--name', 'n'], /No user with email/],
      [['tokens', 'create', '--email', taken, '--name', 'n', '--expires', '2001-01-01'], /in the future/],
    ];
    // A few at a time: each run starts Node and compiles TypeScript, which is not cheap.
    const results: Awaited<ReturnType<typeof cli>>[] = [];
    for (let i = 0; i < cases.length; i += 3) {
      results.push(...(await Promise.all(cases.slice(i, i + 3).map(([args]) => cli(args)))));
    }
    results.forEach((res, i) => {
      expect(res.code, cases[i]![0].join(' ')).toBe(2);
      expect(res.stderr).toMatch(cases[i]![1]);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    });
    const weak = await cli(
      ['users', 'create', '--email', email('w'), '--name', 'W', '--role', 'participant', '--password-stdin'],
      'password\n',
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/too common/);
  });

  it('lists users as a table of id, email, name and roles', SLOW, async () => {
    const address = email('rep');
    const made = await cli([
      'users',
      'create',
      '--email',
      address,
      '--name',
      'Rita Rep',
      '--role',
      'organization_rep',
      '--organization',
      'iom',
    ]);
    const id = /^Created user (\S+)$/m.exec(made.stdout)![1]!;
    const res = await cli(['users', 'list']);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+email\s+name\s+roles$/);
    const row = lines.find((l) => l.startsWith(id));
    expect(row).toMatch(new RegExp(`^${id}\\s+${address}\\s+Rita Rep\\s+organization_rep\\(iom\\)$`));
    const filtered = await cli(['users', 'list', '--role', 'organization_rep']);
    expect(filtered.stdout).toContain(address);
    expect(filtered.stdout).not.toContain('focal_point(');
  });
});

describe('continental tokens create', () => {
  it('prints the token alone on its last line; it works as Bearer with the owner’s roles', SLOW, async () => {
    const address = email('script');
    await cli(
      ['users', 'create', '--email', address, '--name', 'Script Owner', '--role', 'secretariat', '--password-stdin'],
      'a decent passphrase\n',
    );
    const expires = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const res = await cli(['tokens', 'create', '--email', address, '--name', 'nightly', '--expires', expires]);
    expect(res.code, res.stderr).toBe(0);
    const token = res.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ctl_[A-Za-z0-9_-]{43}$/);
    expect(res.stdout).toContain(`expires ${expires}T00:00:00.000Z`);

    const users = await app.inject({ method: 'GET', url: '/api/users', headers: { authorization: `Bearer ${token}` } });
    expect(users.statusCode, users.body).toBe(200);
    const row = await database.db
      .selectFrom('access_token')
      .selectAll()
      .where('prefix', '=', token.slice(4, 12))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'nightly', expires_at: `${expires}T00:00:00.000Z` });
    expect(await cliAudit('access_token.create', row.id)).toMatchObject({
      actor_type: 'cli',
      actor_label: 'command line',
    });
  });
});
