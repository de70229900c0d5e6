import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  // A treaty the profiles follow: names as JSON {en, es, fr, pt}; dates only where sourced.
  await db.schema
    .createTable('instrument')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'text')
    .addColumn('in_force_on', 'text')
    .addColumn('reference', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  /*
   * What a state did about an instrument, with the date as precise as its source: `date` as
   * given (YYYY, YYYY-MM or YYYY-MM-DD), `earliest` and `latest` the first and last day it can
   * mean. `binding` is 1 for the acts that make a state a party; a state signs at most once and
   * consents at most once, which the unique index holds whoever writes.
   */
  await db.schema
    .createTable('treaty_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instrument_code', 'text', (c) => c.notNull().references('instrument.code').onDelete('cascade'))
    .addColumn('member_state', 'text', (c) => c.notNull().references('member_state.iso3'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('binding', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('earliest', 'text', (c) => c.notNull())
    .addColumn('latest', 'text', (c) => c.notNull())
    .addColumn('reservations', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'treaty_action_kind',
      sql`action in ('signature', 'ratification', 'accession', 'acceptance', 'approval', 'succession', 'consent')
        and binding = (case when action = 'signature' then 0 else 1 end)
        and precision in ('day', 'month', 'year') and earliest <= latest`,
    )
    .execute();
  await db.schema
    .createIndex('treaty_action_once')
    .on('treaty_action')
    .columns(['instrument_code', 'member_state', 'binding'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('treaty_action').execute();
  await db.schema.dropTable('instrument').execute();
}
