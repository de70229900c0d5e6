import { parseArgs } from 'node:util';
import { purgePersonalData } from '../modules/participation/purge-personal-data.js';
import { asUsageError, CLI_AUDIT, UsageError, withDatabase } from './context.js';

export const PURGE_USAGE = `  purge-personal-data --meeting SLUG [--force]
            erase participants' names, contacts, identity documents and credentials letters
            once the meeting's retention period is over (--force: earlier, on a documented decision)`;

export async function purgeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { meeting: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
  });
  if (!values.meeting) throw new UsageError('Give the meeting: --meeting SLUG');
  const slug = values.meeting;
  return withDatabase(async ({ database }) => {
    try {
      const r = await purgePersonalData(database.db, CLI_AUDIT, slug, { force: values.force ?? false });
      console.log(
        `Purged the personal data of ${r.registrations} registration(s) and ${r.credentialsLetters} credentials letter(s) ` +
          `of "${slug}"; ${r.mails} mail(s) removed from the outbox. Retention period ended ${r.retentionEnds}.`,
      );
      return 0;
    } catch (err) {
      throw asUsageError(err);
    }
  });
}
