import { migrateToLatest } from '../db/migrate.js';
import { seedAll } from '../db/seed/seed.js';
import { openFileStore } from '../files/store.js';
import { CLI_AUDIT, withDatabase } from './context.js';

export const DB_USAGE = `  migrate   apply pending database migrations
  seed      load reference data and the demo meeting (idempotent)`;

export async function migrateCommand(): Promise<number> {
  return withDatabase(
    async ({ database }) => {
      const applied = await migrateToLatest(database.db);
      console.log(
        applied.length ? applied.map((r) => `${r.status}: ${r.migrationName}`).join('\n') : 'Database is up to date.',
      );
      return 0;
    },
    { migrate: false },
  );
}

export async function seedCommand(): Promise<number> {
  return withDatabase(async ({ config, database }) => {
    const report = await seedAll(database.db, openFileStore(config), CLI_AUDIT);
    console.log(
      `Seeded ${report.memberStates} member states and ${report.organizations} organisations; ` +
        (report.meetingsCreated.length
          ? `created meeting(s): ${report.meetingsCreated.join(', ')}.`
          : 'meetings already present.'),
    );
    return 0;
  });
}
