import type { Kysely, Transaction } from 'kysely';
import type { MultiText } from '../../../shared/text.js';
import { nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { insertTree } from '../agenda/repository.js';
import type { TreeDay } from '../agenda/tree.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Every item key the meeting's draft or any published version has used. */
export async function meetingItemKeys(db: Db, meetingId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('agenda_item')
    .innerJoin('agenda_version', 'agenda_version.id', 'agenda_item.version_id')
    .select('agenda_item.key')
    .distinct()
    .where('agenda_version.meeting_id', '=', meetingId)
    .execute();
  return new Set(rows.map((r) => r.key));
}

/**
 * Replaces the draft's whole tree and heading. Deleting children explicitly rather than relying
 * on cascades keeps the statement order obvious on both engines.
 */
export async function replaceDraftTree(
  trx: Transaction<DB>,
  draftId: string,
  head: { title: MultiText; label: MultiText | null },
  days: TreeDay[],
): Promise<void> {
  await trx.deleteFrom('agenda_item').where('version_id', '=', draftId).execute();
  await trx
    .deleteFrom('agenda_block')
    .where('day_id', 'in', (eb) => eb.selectFrom('agenda_day').select('id').where('version_id', '=', draftId))
    .execute();
  await trx.deleteFrom('agenda_day').where('version_id', '=', draftId).execute();
  await trx
    .updateTable('agenda_version')
    .set({ title: json(head.title), label: head.label ? json(head.label) : null, updated_at: nowIso() })
    .where('id', '=', draftId)
    .where('number', 'is', null)
    .execute();
  await insertTree(trx, draftId, days);
}
