import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createAccessToken } from '../modules/users/access-tokens.js';
import { normalizeEmail } from '../modules/users/invite-user.js';
import { asUsageError, CLI_AUDIT, UsageError, withDatabase } from './context.js';

export const TOKENS_USAGE = `  tokens create --email E --name LABEL [--expires YYYY-MM-DD]
            create a personal access token for that user (acting with their roles);
            it expires at the start of that day (UTC), at most a year ahead.
            The token alone is printed on the last line, and never shown again.`;

export async function tokensCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(`Unknown tokens command "${sub ?? ''}"; use "tokens create".`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
  });
  if (!values.email) throw new UsageError('--email is required.');
  if (!values.name) throw new UsageError('--name is required.');
  let expiresAt: string | undefined;
  if (values.expires !== undefined) {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(values.expires) ? new Date(`${values.expires}T00:00:00Z`) : null;
    if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== values.expires) {
      throw new UsageError('--expires must be a date, YYYY-MM-DD.');
    }
    expiresAt = day.toISOString();
  }
  const email = normalizeEmail(values.email);
  return withDatabase(async ({ database }) => {
    const user = await database.db
      .selectFrom('app_user')
      .select(['id', 'email', 'disabled_at'])
      .where(sql<string>`lower(email)`, '=', email)
      .executeTakeFirst();
    if (!user) throw new UsageError(`No user with email ${email}.`);
    if (user.disabled_at) throw new UsageError(`The account ${email} is disabled.`);
    const created = await createAccessToken(database.db, CLI_AUDIT, user.id, {
      name: values.name!,
      expiresAt,
    }).catch((err: unknown) => {
      throw asUsageError(err);
    });
    console.log(
      `Access token "${values.name!.trim()}" for ${user.email}, ${
        created.expiresAt ? `expires ${created.expiresAt}` : 'does not expire'
      }. Store it now: it is not shown again.`,
    );
    console.log(created.token);
    return 0;
  });
}
