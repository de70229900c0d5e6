/**
 * The benchmark's server: the real app on a fresh SQLite (or DATABASE_URL) database seeded with
 * the demo meeting, plus one bare route that does no work, to measure the framework's ceiling
 * on this machine in the same process. For the registrations benchmark it also creates a
 * secretariat account with an access token and raises the demo meeting's limits so places do
 * not run out during the run (on PostgreSQL, point DATABASE_URL at a scratch database: these
 * changes and the registrations stay). Prints one JSON line on stdout: port, engine, the data
 * directory, the token and the invited states.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParticipationRules } from '../shared/schemas/participation.js';
import { buildApp } from '../server/app.js';
import { CLI_AUDIT } from '../server/cli/context.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedAll } from '../server/db/seed/seed.js';
import { openFileStore } from '../server/files/store.js';
import { createAccessToken } from '../server/modules/users/access-tokens.js';
import { inviteUser } from '../server/modules/users/invite-user.js';

const dataDir = mkdtempSync(join(tmpdir(), 'continental-bench-'));
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0' }), serveWeb: false, host: '127.0.0.1' };
const database = openDatabase(config);
await migrateToLatest(database.db);
await seedAll(database.db, openFileStore(config));
const app = await buildApp({ config, database, logger: false });
app.get('/bench/bare', async () => ({ status: 'ok' }));
// Control: the agenda's own bytes, sent as a constant. Separates the cost of moving the payload
// from the cost of our handler (lookup, cache, headers).
let agendaBytes = '';
app.get('/bench/same-payload', async (_req, reply) => reply.type('application/json; charset=utf-8').send(agendaBytes));
agendaBytes = (await app.inject({ url: '/api/meetings/oas-iom-tip-2005/agenda?lang=fr' })).body;

// Registrations: a secretariat account acting through a Bearer token, as a script would.
const SLUG = 'oas-iom-tip-2005';
const { userId } = await inviteUser(database.db, config, CLI_AUDIT, {
  email: `bench-${Date.now().toString(36)}@example.org`,
  name: 'Benchmark',
  lang: 'en',
  role: 'secretariat',
});
const { token } = await createAccessToken(database.db, CLI_AUDIT, userId, { name: 'benchmark' });
// Limits high enough for a run, through the API like the secretariat would: the government
// limit at the schema's maximum and the per-state total at its maximum (1,000), so each
// registration still takes a place in two allocation rows, as under the concept note's rules.
const rulesUrl = `/api/meetings/${SLUG}/participation-rules`;
const rules = (await app.inject({ url: rulesUrl })).json() as ParticipationRules;
const raised: ParticipationRules = {
  ...rules,
  perStateTotal: 1000,
  categories: rules.categories.map((c) => (c.code === 'government' ? { ...c, limit: 100000 } : c)),
};
const put = await app.inject({
  method: 'PUT',
  url: rulesUrl,
  headers: { authorization: `Bearer ${token}` },
  payload: raised,
});
if (put.statusCode !== 200) throw new Error(`raising the limits failed: ${put.statusCode} ${put.body}`);

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(
  JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    engine: database.engine,
    dataDir,
    slug: SLUG,
    token,
    states: raised.invitedStates,
  }),
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
