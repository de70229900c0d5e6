import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * A fresh, migrated database for one test file: a temporary SQLite file, or a new PostgreSQL
 * database on the server named by DATABASE_URL (the suite runs on both engines in CI).
 */
export interface TestDatabase extends Database {
  dataDir: string;
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'continental-test-'));
  const adminUrl = process.env.DATABASE_URL?.trim() || null;
  if (!adminUrl) {
    const database = openDatabase({ dataDir, databaseUrl: null });
    await migrateToLatest(database.db);
    return {
      ...database,
      dataDir,
      url: null,
      drop: async () => {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `continental_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ dataDir, databaseUrl: url.toString(), poolSize: 20 });
  await migrateToLatest(database.db);
  return {
    ...database,
    dataDir,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
