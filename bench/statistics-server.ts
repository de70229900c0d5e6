/**
 * The statistics benchmark's server: the real app on a fresh database (a temporary SQLite file,
 * or a new PostgreSQL database on the server DATABASE_URL names, dropped on exit) with the
 * indicators, the GLOTIP file and the generated reports of BENCH_STATS_SCALE (base or million),
 * plus a bare route that does no work. Prints one JSON line on stdout once it listens.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { seedReference, STARTUP_AUDIT } from '../server/db/seed/seed.js';
import { seedStatistics } from '../server/modules/statistics/seed.js';
import { createTestDatabase } from '../server/test/database.js';
import { generateStatistics, YEARS, type Scale } from './statistics-data.js';

const scale = (process.env.BENCH_STATS_SCALE ?? 'base') as Scale;
const database = await createTestDatabase();
const { db } = database;
await seedReference(db);
await seedStatistics(db, STARTUP_AUDIT);
const started = performance.now();
const { rows, indicators } = await generateStatistics(db, scale);
// PostgreSQL's autovacuum would vacuum and analyse the new rows within minutes (it does after
// inserts since version 13): do it now, not mid-run, so the plans and index-only scans are steady.
if (database.engine === 'postgres') await sql`vacuum analyze`.execute(db);
const seconds = (performance.now() - started) / 1000;

const config = {
  ...loadConfig({ ...process.env, DATA_DIR: database.dataDir, PORT: '0' }),
  serveWeb: false,
  host: '127.0.0.1',
};
const app = await buildApp({ config, database, logger: false });
app.get('/bench/bare', async () => ({ status: 'ok' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const states = (await db.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3);
console.log(
  JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    engine: database.engine,
    rows,
    seconds,
    states,
    years: YEARS,
    indicators,
  }),
);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => database.drop())
    .then(() => process.exit(0));
});
