import type { Kysely, Selectable } from 'kysely';
import type { DB, OutboxMessageTable } from '../db/schema.js';

export interface OutboxPage {
  rows: Selectable<OutboxMessageTable>[];
  page: number;
  pageSize: number;
  total: number;
}

/** What went out (or waits, or failed), newest first, for the secretariat. */
export async function listOutbox(db: Kysely<DB>, page: number, pageSize: number): Promise<OutboxPage> {
  const [{ total }, rows] = await Promise.all([
    db
      .selectFrom('outbox_message')
      .select((eb) => eb.fn.countAll<number | string>().as('total'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('outbox_message')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return { rows, page, pageSize, total: Number(total) };
}
