import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the server under test, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /**
     * Where the server under test keeps its data, for the command line to act on the same
     * database (`continental users create …`) while it runs.
     */
    serverEnv: ServerEnv;
  }
}

export interface ServerEnv {
  DATA_DIR: string;
  /** The per-run PostgreSQL database, or null on SQLite (in DATA_DIR). */
  DATABASE_URL: string | null;
  PUBLIC_URL: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_TIMEOUT_MS = 60_000;

/** A port the OS just handed out; the server does not accept PORT=0, so we pick one for it. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the probe server'));
      });
    });
  });
}

/** A fresh PostgreSQL database on the server of `adminUrl`; its URL and how to drop it. */
async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `continental_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // FORCE: a pool connection the server failed to close must not keep the database alive.
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `the server exited (${server.exitCode ?? server.signalCode}) before it was healthy:\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    // Polling interval of a readiness probe, not a sleep standing in for a condition.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`GET /api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (${last}):\n${output()}`);
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  // The server's own shutdown gives up after 10 s; past that it is stuck and gets killed.
  const timer = setTimeout(() => server.kill('SIGKILL'), 12_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const teardown = async () => {
    // Reverse order: stop the server before dropping its database and data directory.
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'continental-e2e-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const adminUrl = process.env.DATABASE_URL?.trim() || null;
    let databaseUrl: string | null = null;
    if (adminUrl) {
      const database = await createPgDatabase(adminUrl);
      cleanups.push(database.drop);
      databaseUrl = database.url;
    }

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      SEED: '1',
    };
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    else delete env.DATABASE_URL;
    // Vitest sets NODE_ENV=test. Passed on, it would make start.mjs's rebuild of a stale web app
    // a React development build (StrictMode double effects, twice the size): not what users get.
    delete env.NODE_ENV;
    const server = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => stop(server));

    // Keep what the server says: shown when it fails to start, and passed through (warnings and
    // up) so a problem during the journeys is visible next to the failing test.
    let log = '';
    const relay = (chunk: Buffer) => {
      const text = chunk.toString();
      log = (log + text).slice(-20_000);
      process.stderr.write(`[server] ${text}`);
    };
    server.stdout?.on('data', relay);
    server.stderr?.on('data', relay);

    await waitForHealth(baseUrl, server, () => log);
    project.provide('baseUrl', baseUrl);
    project.provide('serverEnv', { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, PUBLIC_URL: baseUrl });
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}
