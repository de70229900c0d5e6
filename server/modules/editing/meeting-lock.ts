import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { MeetingRow } from '../meeting/repository.js';

/**
 * Starts an edit of a meeting by writing to its row: the write takes the row lock on PostgreSQL
 * and the database write lock on SQLite, so concurrent edits of one meeting queue up instead of
 * interleaving, and SQLite never has to upgrade a read transaction (which fails instead of waiting).
 * Returns the row as it is now, under the lock.
 */
export async function lockMeeting(trx: Transaction<DB>, slug: string): Promise<MeetingRow> {
  const row = await trx
    .updateTable('meeting')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('slug', '=', slug)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', `No meeting "${slug}".`);
  return row;
}

/**
 * Moves the meeting's updated_at strictly forward. Published agendas are cached under it
 * (read-agenda.ts), so two edits within one millisecond, or a clock that stepped back, must
 * still yield a new value: never equal to one a reader may have cached.
 */
export async function touchMeeting(trx: Transaction<DB>, locked: MeetingRow): Promise<string> {
  const at = new Date(Math.max(Date.now(), Date.parse(locked.updated_at) + 1)).toISOString();
  await trx.updateTable('meeting').set({ updated_at: at }).where('id', '=', locked.id).execute();
  return at;
}
