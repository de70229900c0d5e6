/**
 * Limited places under real concurrency: two server processes on one database (the SQLite file
 * or the PostgreSQL database of this test run), hit by simultaneous HTTP requests. A control
 * run of a naive count-then-insert on the same database shows the race the allocation rows close.
 */
import { openFileStore } from '../../files/store.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_AUDIT } from '../../cli/context.js';
import { openDatabase, type Database } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { seedAll } from '../../db/seed/seed.js';
import { createTestDatabase, type TestDatabase } from '../../test/database.js';
import { createUser } from '../../test/users.js';
import { createAccessToken } from '../users/access-tokens.js';
import { newCheckInCode } from './register.js';
import { holdingSql } from './rules.js';

const SLUG = 'oas-iom-tip-2005';
const SERVE = fileURLToPath(new URL('../../test/serve.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Per test: generous, for a loaded two-core machine. */
const TIMEOUT = 60_000;

interface Server {
  port: number;
  child: ChildProcess;
  /** What the process wrote to stderr (its error log), shown when a test fails. */
  log: string[];
}

/** Starts one app process on the prepared database; resolves once it listens. */
function startServer(database: TestDatabase): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATA_DIR: database.dataDir,
      DATABASE_URL: database.url ?? '',
      DB_POOL_SIZE: '10',
    },
  });
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      try {
        const { port } = JSON.parse(line) as { port: number };
        resolve({ port, child, log });
      } catch {
        reject(new Error(`server said: ${line}\n${log.join('\n')}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}\n${log.join('\n')}`)));
  });
}

function stopServer(server: Server): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function post(
  server: Server,
  token: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/meetings/${SLUG}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { raw: text };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

let personCounter = 0;
const person = (tag: string) => {
  personCounter += 1;
  return {
    givenName: 'Ana',
    familyName: `${tag} ${personCounter}`,
    email: `${tag.toLowerCase()}.${personCounter}.${process.pid}@example.org`,
  };
};
const government = (memberState: string, tag = 'Race') => ({
  category: 'government',
  memberState,
  person: person(tag),
});

/** How many answers had each status: `{ 201: 2, 409: 198 }`. */
function tally(answers: Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

const serverErrors = (answers: Answer[]) => answers.filter((a) => a.status >= 500);

let database: TestDatabase;
let servers: Server[] = [];
let meetingId: string;
let secretariatToken: string;
let focalArgToken: string;

beforeAll(async () => {
  // Migrated by createTestDatabase, seeded here: once, before any server process starts.
  database = await createTestDatabase();
  await seedAll(database.db, openFileStore({ dataDir: database.dataDir, s3: null }));
  meetingId = (await database.db.selectFrom('meeting').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow())
    .id;
  const secretariat = await createUser(database.db, { roles: [{ role: 'secretariat' }] });
  secretariatToken = (await createAccessToken(database.db, CLI_AUDIT, secretariat.id, { name: 'concurrency' })).token;
  const focalArg = await createUser(database.db, { roles: [{ role: 'focal_point', memberState: 'ARG' }] });
  focalArgToken = (await createAccessToken(database.db, CLI_AUDIT, focalArg.id, { name: 'concurrency' })).token;
  servers = await Promise.all([startServer(database), startServer(database)]);
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map(stopServer));
  await database?.drop();
}, 60_000);

/** On failure, what the servers logged: each error's code, message and where it was thrown. */
function serverLogs(): string {
  const summary = (line: string) => {
    try {
      const { err, msg } = JSON.parse(line) as {
        msg?: string;
        err?: { code?: string; message?: string; stack?: string };
      };
      if (!err) return msg ?? line;
      const at = (err.stack ?? '')
        .split('\n')
        .filter((l) => l.includes('/server/'))
        .slice(0, 4);
      return [`${err.code ?? ''} ${err.message ?? ''}`, ...at].join('\n');
    } catch {
      return line;
    }
  };
  return servers.map((s, i) => `--- server ${i} ---\n${s.log.slice(-10).map(summary).join('\n')}`).join('\n');
}

async function holding(memberState: string, category = 'government'): Promise<number> {
  const row = await database.db
    .selectFrom('registration')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('member_state', '=', memberState)
    .where('category', '=', category)
    .where(holdingSql)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function allocation(scope: string, category: string) {
  return database.db
    .selectFrom('allocation')
    .select(['cap', 'used', 'extra'])
    .where('meeting_id', '=', meetingId)
    .where('scope', '=', scope)
    .where('category', '=', category)
    .executeTakeFirst();
}

/**
 * The books balance: every allocation row of the meeting counts exactly the registrations that
 * hold a place in it, within its cap (no override was used here, so nothing is extra), and every
 * registration's holds_place agrees with its status.
 */
async function expectBooksBalance(): Promise<void> {
  const rows = await database.db
    .selectFrom('allocation')
    .select(['category', 'scope', 'cap', 'used', 'extra'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const regs = await database.db
    .selectFrom('registration')
    .select(['allocations', 'status', 'holds_place'])
    .where('meeting_id', '=', meetingId)
    .execute();
  const held = new Map<string, number>();
  for (const r of regs) {
    const holds = ['nominated', 'applied', 'accredited'].includes(r.status);
    expect(Number(r.holds_place)).toBe(holds ? 1 : 0);
    if (!holds) continue;
    for (const key of JSON.parse(r.allocations) as string[]) held.set(key, (held.get(key) ?? 0) + 1);
  }
  const books = rows.map((a) => ({
    key: `${a.category}|${a.scope}`,
    used: Number(a.used),
    extra: Number(a.extra),
    cap: Number(a.cap),
  }));
  expect(books.map((b) => ({ key: b.key, used: held.get(b.key) ?? 0, extra: 0 }))).toEqual(
    books.map((b) => ({ key: b.key, used: b.used, extra: b.extra })),
  );
  for (const b of books) expect(b.used).toBeLessThanOrEqual(b.cap);
  // No registration holds a place in an allocation row that does not exist.
  const known = new Set(books.map((b) => b.key));
  for (const key of held.keys()) expect(known.has(key)).toBe(true);
}

describe('two government places per state, two server processes, one database', () => {
  it(
    'gives 200 simultaneous nominations for one state exactly two places and refuses the rest',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          post(
            servers[i % 2]!,
            Math.floor(i / 2) % 2 === 0 ? secretariatToken : focalArgToken,
            '/registrations?lang=en',
            government('ARG'),
          ),
        ),
      );
      expect(serverErrors(answers), serverLogs()).toEqual([]);
      expect(tally(answers)).toEqual({ 201: 2, 409: 198 });
      for (const a of answers.filter((x) => x.status === 409)) {
        expect(a.body).toMatchObject({ code: 'quota_exceeded', category: 'government', scope: 'state:ARG', limit: 2 });
      }
      expect(await holding('ARG')).toBe(2);
      expect(await allocation('state:ARG', 'government')).toMatchObject({ cap: 2, used: 2, extra: 0 });
      expect(await allocation('state:ARG', '*')).toMatchObject({ cap: 3, used: 2, extra: 0 });
      await expectBooksBalance();
    },
    TIMEOUT,
  );
});

/**
 * The control: the same question answered the naive way, without the allocation row. Each attempt
 * counts the state's government registrations, does some other work (an `await`), then inserts if
 * the count was under two. Attempts are spread over two separate database handles, as two server
 * processes would be. On PostgreSQL each attempt is a READ COMMITTED transaction; on SQLite the
 * statements run in autocommit, because a transaction there already is a lock (Kysely serialises
 * transactions on its one connection, and a second connection's deferred transaction would fail
 * with SQLITE_BUSY when it upgrades to write rather than oversell).
 */
describe('the control: count-then-insert without the allocation row', () => {
  const NAIVE_STATE = 'CHL';
  const ATTEMPTS = 20;
  /** The other work between the read and the write. */
  const GAP_MS = 50;
  let second: Database;

  beforeAll(() => {
    second = openDatabase({ dataDir: database.dataDir, databaseUrl: database.url, poolSize: 10 });
  });
  afterAll(async () => {
    await database.db.deleteFrom('registration').where('email', 'like', 'naive.%').execute();
    await second.close();
  });

  async function naiveRegister(db: Kysely<DB>, i: number): Promise<boolean> {
    const attempt = async (q: Kysely<DB> | Transaction<DB>): Promise<boolean> => {
      const { n } = await q
        .selectFrom('registration')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('meeting_id', '=', meetingId)
        .where('member_state', '=', NAIVE_STATE)
        .where('category', '=', 'government')
        .where(holdingSql)
        .executeTakeFirstOrThrow();
      await sleep(GAP_MS);
      if (Number(n) >= 2) return false;
      const now = nowIso();
      await q
        .insertInto('registration')
        .values({
          id: newId(),
          meeting_id: meetingId,
          category: 'government',
          member_state: NAIVE_STATE,
          organization_id: null,
          delegation_id: null,
          status: 'nominated',
          holds_place: 1,
          over_quota: 0,
          allocations: '[]',
          given_name: 'Naive',
          family_name: `Attempt ${i}`,
          sort_name: `attempt ${i} naive`,
          title: null,
          position: null,
          institution: null,
          email: `naive.${i}@example.org`,
          phone: null,
          gender: 'undisclosed',
          preferred_lang: 'en',
          id_document: null,
          public_consent: 0,
          decision_reason: null,
          decided_at: null,
          decided_by: null,
          substitutes_id: null,
          substituted_by_id: null,
          check_in_code: newCheckInCode(),
          checked_in_at: null,
          checked_in_by: null,
          created_by: null,
          nominator_email: null,
          nominator_lang: null,
          personal_data_purged_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return true;
    };
    return database.engine === 'postgres' ? db.transaction().execute(attempt) : attempt(db);
  }

  it(
    'oversells: more than two of twenty simultaneous attempts get in',
    async () => {
      const handles = [database.db, second.db];
      // Open the connections first, so every attempt starts at once rather than after a connect.
      await Promise.all(
        handles.flatMap((h) => Array.from({ length: 10 }, () => h.selectFrom('meeting').select('id').execute())),
      );
      const results = await Promise.all(Array.from({ length: ATTEMPTS }, (_, i) => naiveRegister(handles[i % 2]!, i)));
      const inserted = results.filter(Boolean).length;
      expect(inserted).toBeGreaterThan(2);
      expect(await holding(NAIVE_STATE)).toBe(inserted);
    },
    TIMEOUT,
  );
});

describe('withdrawals and new nominations racing for the same places', () => {
  it(
    'never holds more than two government places, and the allocation counts agree at the end',
    async () => {
      const STATE = 'BRA';
      const NEW = 20;
      const REPEATS = 5;
      let current: string[] = [];
      for (let i = 0; i < 2; i++) {
        const a = await post(servers[i]!, secretariatToken, '/registrations?lang=en', government(STATE, 'Seat'));
        expect(a.status, JSON.stringify(a.body)).toBe(201);
        current.push(a.body.id as string);
      }

      // Watches the committed state while the requests run: never more than two people holding places.
      let watching = true;
      let maxHolding = 0;
      let maxUsed = 0;
      const watcher = (async () => {
        while (watching) {
          maxHolding = Math.max(maxHolding, await holding(STATE));
          maxUsed = Math.max(maxUsed, Number((await allocation(`state:${STATE}`, 'government'))?.used ?? 0));
          await sleep(2);
        }
      })();

      try {
        for (let round = 0; round < 3; round++) {
          const before = current;
          const withdrawals = before.flatMap((id) =>
            Array.from({ length: REPEATS }, () => ({ kind: 'withdraw' as const, id })),
          );
          const nominations = Array.from({ length: NEW }, () => ({ kind: 'register' as const, id: '' }));
          // Interleaved, so withdrawals and nominations hit both processes at the same moment.
          const jobs = nominations.flatMap((n, i) => (withdrawals[i] ? [withdrawals[i], n] : [n]));
          const answers = await Promise.all(
            jobs.map((job, i) =>
              job.kind === 'withdraw'
                ? post(servers[i % 2]!, secretariatToken, `/registrations/${job.id}/withdrawal?lang=en`, {}).then(
                    (a) => ({ ...a, job }),
                  )
                : post(servers[i % 2]!, secretariatToken, '/registrations?lang=en', government(STATE, 'Seat')).then(
                    (a) => ({ ...a, job }),
                  ),
            ),
          );
          expect(serverErrors(answers), serverLogs()).toEqual([]);

          // Each place-holder is withdrawn exactly once; the repeats find it withdrawn already.
          for (const id of before) {
            const mine = answers.filter((a) => a.job.kind === 'withdraw' && a.job.id === id);
            expect(tally(mine)).toEqual({ 200: 1, 409: REPEATS - 1 });
            for (const a of mine.filter((x) => x.status === 409)) expect(a.body.code).toBe('conflict');
          }
          // New nominations get in only as places are freed: at most the two that were given back.
          const registered = answers.filter((a) => a.job.kind === 'register');
          const created = registered.filter((a) => a.status === 201);
          expect(created.length).toBeLessThanOrEqual(2);
          for (const a of registered.filter((x) => x.status !== 201)) {
            expect(a.status).toBe(409);
            expect(a.body).toMatchObject({ code: 'quota_exceeded', category: 'government' });
          }
          current = created.map((a) => a.body.id as string);
          expect(await holding(STATE)).toBe(current.length);
          const used = await allocation(`state:${STATE}`, 'government');
          expect(used).toMatchObject({ used: current.length, extra: 0 });
          await expectBooksBalance();
          // The next round needs places to give back; top up if the nominations all came first.
          while (current.length < 2) {
            const a = await post(servers[0]!, secretariatToken, '/registrations?lang=en', government(STATE, 'Seat'));
            expect(a.status, JSON.stringify(a.body)).toBe(201);
            current.push(a.body.id as string);
          }
        }
      } finally {
        watching = false;
        await watcher;
      }
      expect(maxHolding).toBeLessThanOrEqual(2);
      expect(maxUsed).toBeLessThanOrEqual(2);
      await expectBooksBalance();
    },
    TIMEOUT,
  );
});

describe('the same Idempotency-Key sent twenty times at once, to both processes', () => {
  it(
    'makes one registration and answers every attempt with it',
    async () => {
      const body = government('MEX', 'Retry');
      const key = `concurrency-${process.pid}-${Date.now()}`;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(servers[i % 2]!, secretariatToken, '/registrations?lang=en', body, { 'idempotency-key': key }),
        ),
      );
      expect(serverErrors(answers), serverLogs()).toEqual([]);
      expect(tally(answers), JSON.stringify(answers.filter((a) => a.status !== 201).map((a) => a.body))).toEqual({
        201: 20,
      });
      const ids = new Set(answers.map((a) => a.body.id));
      expect(ids.size).toBe(1);
      // One did the work; the other nineteen were answered from what it stored.
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
      const rows = await database.db
        .selectFrom('registration')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .where('email', '=', body.person.email)
        .execute();
      expect(rows.map((r) => r.id)).toEqual([...ids]);
      expect(await holding('MEX')).toBe(1);
      await expectBooksBalance();
    },
    TIMEOUT,
  );
});
