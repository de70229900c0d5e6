import { DB_USAGE, migrateCommand, seedCommand } from './cli/db.js';
import { UsageError } from './cli/context.js';
import { PURGE_USAGE, purgeCommand } from './cli/personal-data.js';
import { TOKENS_USAGE, tokensCommand } from './cli/tokens.js';
import { exportCommand, importCommand, TREATIES_USAGE } from './cli/treaties.js';
import { USERS_USAGE, usersCommand } from './cli/users.js';
import { ConfigError } from './config.js';

const USAGE = `Usage: continental <command>

Commands:
${DB_USAGE}
${USERS_USAGE}
${TOKENS_USAGE}
${PURGE_USAGE}
${TREATIES_USAGE}
  help      show this help

Configuration comes from the environment, as for the server: DATA_DIR or DATABASE_URL,
PUBLIC_URL for links, SMTP_URL and MAIL_FROM for mail. Changes are recorded in the audit
trail as made from the command line. Exit status: 0 done, 2 wrong usage or invalid input.`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      console.log(USAGE);
      return 2;
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    case 'migrate':
      return migrateCommand();
    case 'seed':
      return seedCommand();
    case 'users':
      return usersCommand(rest);
    case 'tokens':
      return tokensCommand(rest);
    case 'purge-personal-data':
      return purgeCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'export':
      return exportCommand(rest);
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (
      err instanceof UsageError ||
      (err instanceof Error && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      console.error(`Error: ${err.message}`);
      process.exit(2);
    }
    console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
    process.exit(1);
  },
);
