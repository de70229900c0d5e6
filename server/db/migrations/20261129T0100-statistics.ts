import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  /*
   * An indicator of the framework. Texts are JSON {en, es, fr, pt}; `breakdowns` maps each
   * dimension to its allowed categories; `additive` = 1 when a dimension's categories must add
   * up to the national total.
   */
  await db.schema
    .createTable('stat_indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('methodology', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('breakdowns', 'text', (c) => c.notNull())
    .addColumn('additive', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  /*
   * A state's report for a year. `revision` is the one being worked on; `published_revision`
   * the last one the secretariat validated (null: nothing public yet). A correction after
   * validation opens revision + 1 while the validated one stays public.
   */
  await db.schema
    .createTable('stat_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_state', 'text', (c) => c.notNull().references('member_state.iso3'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_revision', 'integer')
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('validated_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stat_report_status', sql`status in ('draft', 'submitted', 'validated', 'returned')`)
    .execute();
  await db.schema
    .createIndex('stat_report_state_year')
    .on('stat_report')
    .columns(['member_state', 'year'])
    .unique()
    .execute();

  /*
   * One aggregate figure of one revision of a report; never a person. `breakdown_key` is the
   * breakdown in a canonical form ('' = the national total). A null value is only allowed as
   * "below the threshold at source".
   */
  await db.schema
    .createTable('stat_report_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('stat_report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('stat_indicator.code'))
    .addColumn('breakdown_key', 'text', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('value', 'integer')
    .addColumn('suppressed_at_source', 'integer', (c) => c.notNull())
    .addColumn('provisional', 'integer', (c) => c.notNull())
    .addColumn('estimate', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('notes', 'text')
    .addCheckConstraint(
      'stat_report_value_aggregate',
      sql`(value is null and suppressed_at_source = 1) or (value >= 0 and suppressed_at_source = 0)`,
    )
    .execute();
  await db.schema
    .createIndex('stat_report_value_cell')
    .on('stat_report_value')
    .columns(['report_id', 'revision', 'indicator_code', 'breakdown_key'])
    .unique()
    .execute();

  // What happened to a report: saved, imported, submitted, returned (with the comment), validated.
  await db.schema
    .createTable('stat_report_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('stat_report.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  /*
   * A figure from an already-public source (UNODC GLOTIP), kept exactly as published: a value,
   * or null with `shown_as` ("<5") when the source suppressed it. `seq` numbers the rows a
   * source repeats for the same cell (GLOTIP does), so a second import matches row for row.
   */
  await db.schema
    .createTable('stat_public_value')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('member_state', 'text', (c) => c.notNull().references('member_state.iso3'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('stat_indicator.code'))
    .addColumn('breakdown_key', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('value', 'integer')
    .addColumn('shown_as', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stat_public_value_shown', sql`(value is null) = (shown_as is not null)`)
    .execute();
  await db.schema
    .createIndex('stat_public_value_cell')
    .on('stat_public_value')
    .columns(['source', 'member_state', 'year', 'indicator_code', 'breakdown_key', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('stat_public_value_lookup')
    .on('stat_public_value')
    .columns(['indicator_code', 'member_state', 'year'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stat_public_value').execute();
  await db.schema.dropTable('stat_report_event').execute();
  await db.schema.dropTable('stat_report_value').execute();
  await db.schema.dropTable('stat_report').execute();
  await db.schema.dropTable('stat_indicator').execute();
}
