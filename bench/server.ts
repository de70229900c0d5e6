/**
 * The benchmark's server: the real app on a fresh SQLite (or DATABASE_URL) database seeded with
 * the demo meeting, plus one bare route that does no work, to measure the framework's ceiling
 * on this machine in the same process. Prints its port on stdout.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedAll } from '../server/db/seed/seed.js';

const dataDir = mkdtempSync(join(tmpdir(), 'continental-bench-'));
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0' }), serveWeb: false, host: '127.0.0.1' };
const database = openDatabase(config);
await migrateToLatest(database.db);
await seedAll(database.db);
const app = await buildApp({ config, database, logger: false });
app.get('/bench/bare', async () => ({ status: 'ok' }));
// Control: the agenda's own bytes, sent as a constant. Separates the cost of moving the payload
// from the cost of our handler (lookup, cache, headers).
let agendaBytes = '';
app.get('/bench/same-payload', async (_req, reply) => reply.type('application/json; charset=utf-8').send(agendaBytes));
agendaBytes = (await app.inject({ url: '/api/meetings/oas-iom-tip-2005/agenda?lang=fr' })).body;
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(
  JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0, engine: database.engine }),
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
