import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  /*
   * A state's legislation, action plans and authorities, as reviewed by the secretariat: `data`
   * is the reviewed version (JSON), `version` counts reviews. Removed entries keep their row
   * (and history) with `removed_at` set.
   */
  await db.schema
    .createTable('framework_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_state', 'text', (c) => c.notNull().references('member_state.iso3'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addCheckConstraint('framework_entry_kind', sql`kind in ('legislation', 'action_plan', 'authority')`)
    .execute();
  await db.schema
    .createIndex('framework_entry_state')
    .on('framework_entry')
    .columns(['member_state', 'kind'])
    .execute();

  // Every change is proposed, then accepted or rejected; accepted proposals are an entry's history.
  await db.schema
    .createTable('framework_proposal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_state', 'text', (c) => c.notNull().references('member_state.iso3'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.references('framework_entry.id'))
    .addColumn('data', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_role', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('entry_version', 'integer')
    .addCheckConstraint(
      'framework_proposal_state',
      sql`kind in ('legislation', 'action_plan', 'authority') and operation in ('create', 'update', 'remove')
        and status in ('pending', 'accepted', 'rejected')`,
    )
    .execute();
  await db.schema
    .createIndex('framework_proposal_state')
    .on('framework_proposal')
    .columns(['member_state', 'status'])
    .execute();
  await db.schema.createIndex('framework_proposal_entry').on('framework_proposal').column('entry_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('framework_proposal').execute();
  await db.schema.dropTable('framework_entry').execute();
}
