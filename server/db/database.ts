import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl: string | null;
  /** SQLite file name inside dataDir (tests use one file per test). */
  sqliteFile?: string;
  poolSize?: number;
}

export function openDatabase(opts: DatabaseOptions): Database {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const sqlite = new SQLite(join(opts.dataDir, opts.sqliteFile ?? 'continental.sqlite'));
  // WAL lets readers (the CLI, a second process) work while the server writes;
  // busy_timeout makes a writer wait for the lock instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  // The default page cache is 2 MB: at 100,000 practices a search touched pages of a 300 MB file
  // through system calls for every hit. 64 MB of cache plus memory-mapped reads keep the hot
  // part of the index and the entries in memory (measured: a search's join to its entries went
  // from 110 to 32 ms at 25,000 hits).
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('mmap_size = 1073741824');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; on SQLite preparing costs more than running a small query
 * (measured: 50 µs vs 20 µs). Kysely builds the same SQL text for the same query shape, so
 * statements are cached by text. Bounded, because SQL built with `in (...)` lists varies.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sqlText: string) => {
      // Kysely opens transactions with a plain (deferred) BEGIN. A deferred transaction that
      // reads and then writes cannot wait for another process's write lock (SQLite answers BUSY
      // at once); IMMEDIATE takes the write lock up front, waiting up to busy_timeout. Within one
      // process transactions already run one at a time, so this costs nothing there.
      const text = sqlText === 'begin' ? 'begin immediate' : sqlText;
      let stmt = statements.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (statements.size >= max) statements.delete(statements.keys().next().value as string);
        statements.set(text, stmt);
      }
      return stmt;
    },
  };
}
