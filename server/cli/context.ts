import type { AuditContext } from '../audit/audit.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { closeTransports } from '../mail/mailer.js';

/** A mistake in how the command was called: printed as is, exit status 2. */
export class UsageError extends Error {}

/** Every change made from the command line is audited under this actor. */
export const CLI_AUDIT: AuditContext = {
  actor: { kind: 'cli', label: 'command line' },
  role: 'cli',
  requestId: null,
  ip: null,
};

export interface CliContext {
  config: Config;
  database: Database;
}

/**
 * Runs a command against the server's own configuration and database (SQLite in WAL mode and
 * PostgreSQL both allow this while the server runs). Pending migrations are applied first, so a
 * fresh install works without a separate step.
 */
export async function withDatabase<T>(fn: (ctx: CliContext) => Promise<T>, options = { migrate: true }): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    if (options.migrate) await migrateToLatest(database.db);
    return await fn({ config, database });
  } finally {
    closeTransports();
    await database.close();
  }
}

/** Turns the use cases' client errors (each with a message naming the field) into exit status 2. */
export function asUsageError(err: unknown): unknown {
  return err instanceof AppError && err.status < 500 ? new UsageError(err.message) : err;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
