/**
 * One app server process on an existing database, for tests that need several real processes
 * sharing it (`node --import tsx server/test/serve.ts`). It neither migrates nor seeds: the test
 * prepares the database once, before starting any server, so two processes never race to set it
 * up. Configured from the environment like the real server (DATA_DIR, DATABASE_URL, ...); listens
 * on a free port of 127.0.0.1 and prints `{"port":…,"pid":…,"engine":…}` as its first stdout line.
 */
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

const config = {
  ...loadConfig({ PUBLIC_URL: 'https://continental.example.org', ...process.env, PORT: '0' }),
  serveWeb: false,
  host: '127.0.0.1',
};
const database = openDatabase({ ...config, poolSize: Number(process.env.DB_POOL_SIZE ?? 10) });
// Logs go to stderr: stdout carries only the JSON line the test reads.
const app = await buildApp({
  config,
  database,
  logger: { level: process.env.LOG_LEVEL ?? 'error', stream: process.stderr },
});
await app.listen({ port: 0, host: config.host });
const address = app.server.address();
console.log(
  JSON.stringify({
    port: typeof address === 'object' && address ? address.port : 0,
    pid: process.pid,
    engine: database.engine,
  }),
);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  const timer = setTimeout(() => process.exit(1), 5_000);
  timer.unref();
  void app
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
// The test runner going away (its end of stdin closes) ends this server too.
process.stdin.on('end', shutdown);
process.stdin.resume();
