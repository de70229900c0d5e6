import { parseArgs } from 'node:util';
import { isLang, LANGS } from '../../shared/lang.js';
import { ROLES, type Role, type RoleAssignment } from '../../shared/roles.js';
import type { User } from '../../shared/schemas/users.js';
import { deliverMail } from '../mail/mailer.js';
import { inviteUser } from '../modules/users/invite-user.js';
import { listUsers } from '../modules/users/list-users.js';
import { asUsageError, CLI_AUDIT, readStdin, UsageError, withDatabase } from './context.js';

export const USERS_USAGE = `  users create --email E --name "N" --role ROLE [--state ISO3] [--organization ID]
               [--lang en|es|fr|pt] [--password-stdin]
            create an account; prints its id, and an invitation link unless a password
            is read from standard input. ROLE: ${ROLES.join(', ')}
  users list [--role ROLE] [--search TEXT]
            list accounts: id, email, name, roles`;

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export async function usersCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return createUser(rest);
  if (sub === 'list') return listAll(rest);
  throw new UsageError(`Unknown users command "${sub ?? ''}"; use "users create" or "users list".`);
}

async function createUser(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      state: { type: 'string' },
      organization: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const { email, name, role, lang } = values;
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError('--email needs a valid email address.');
  if (!name?.trim()) throw new UsageError('--name is required.');
  if (!role || !isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  if (!isLang(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}.`);
  // A password on the command line would sit in the shell history and the process list.
  const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : undefined;
  return withDatabase(async ({ config, database }) => {
    const created = await inviteUser(database.db, config, CLI_AUDIT, {
      email,
      name,
      lang,
      role,
      ...(values.state ? { memberState: values.state.toUpperCase() } : {}),
      ...(values.organization ? { organizationId: values.organization } : {}),
      ...(password !== undefined ? { password } : {}),
    }).catch((err: unknown) => {
      throw asUsageError(err);
    });
    console.log(`Created user ${created.userId}`);
    if (created.link) {
      const mailed = created.mail ? await deliverMail(database.db, config, created.mail) : false;
      console.log(
        mailed
          ? 'Invitation mailed. Link (single use, valid 7 days):'
          : 'Invitation recorded in the outbox. Link (single use, valid 7 days):',
      );
      console.log(created.link);
    }
    return 0;
  });
}

const describeRole = (a: RoleAssignment): string =>
  a.memberState ? `${a.role}(${a.memberState})` : a.organizationId ? `${a.role}(${a.organizationId})` : a.role;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function listAll(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { role: { type: 'string' }, search: { type: 'string' } },
  });
  const role = values.role;
  if (role !== undefined && !isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}.`);
  return withDatabase(async ({ database }) => {
    const users: User[] = [];
    for (let page = 1; ; page++) {
      const result = await listUsers(database.db, { role, q: values.search, page, pageSize: 100 });
      users.push(...result.items);
      if (users.length >= result.total || result.items.length === 0) break;
    }
    const rows = users.map((u) => [
      u.id,
      u.email,
      u.name,
      [...u.roles.map(describeRole), ...(u.disabled ? ['[disabled]'] : [])].join(', '),
    ]);
    console.log(table([['id', 'email', 'name', 'roles'], ...rows]));
    console.log(`${users.length} user${users.length === 1 ? '' : 's'}`);
    return 0;
  });
}
