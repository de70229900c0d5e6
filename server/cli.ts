import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedAll } from './db/seed/seed.js';

const USAGE = `Usage: continental <command>

Commands:
  migrate   apply pending database migrations
  seed      load reference data and the demo meeting (idempotent)
  help      show this help

Configuration comes from the environment, as for the server: DATA_DIR or DATABASE_URL.`;

async function run(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: {} });
  const [command] = positionals;
  if (!command || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command !== 'migrate' && command !== 'seed') {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    const applied = await migrateToLatest(database.db);
    if (command === 'migrate') {
      console.log(
        applied.length ? applied.map((r) => `${r.status}: ${r.migrationName}`).join('\n') : 'Database is up to date.',
      );
      return 0;
    }
    const report = await seedAll(database.db);
    console.log(
      `Seeded ${report.memberStates} member states and ${report.organizations} organisations; ` +
        (report.meetingsCreated.length
          ? `created meeting(s): ${report.meetingsCreated.join(', ')}.`
          : 'meetings already present.'),
    );
    return 0;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  },
);
