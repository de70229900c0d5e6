import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  // The rules of one meeting, as one JSON document: read whole, replaced whole, versioned by the audit trail.
  await db.schema
    .createTable('participation_rules')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meeting.id').onDelete('cascade'))
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // OAS accreditation of civil-society organisations (the organisation itself is a row of `organization`).
  await db.schema
    .createTable('accreditation')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organization.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('website', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('accreditation_status', sql`status in ('accredited', 'pending', 'suspended', 'expired')`)
    .execute();

  /*
   * One row per limited thing (a category in a delegation, a category in the meeting, a state's
   * total). Places are taken with a conditional UPDATE; the CHECK is the last word even if code
   * ever forgets the condition. `extra` counts places the secretariat granted beyond the cap.
   */
  await db.schema
    .createTable('allocation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addColumn('used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extra', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('allocation_within_cap', sql`used >= 0 and extra >= 0 and cap >= 0 and used <= cap + extra`)
    .addUniqueConstraint('allocation_unique', ['meeting_id', 'category', 'scope'])
    .execute();

  await db.schema
    .createTable('delegation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('member_state', 'text', (c) => c.references('member_state.iso3'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('head_registration_id', 'text')
    .addColumn('credentials_status', 'text', (c) => c.notNull().defaultTo('missing'))
    .addColumn('credentials_file', blob)
    .addColumn('credentials_file_name', 'text')
    .addColumn('credentials_received_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'delegation_owner',
      sql`(member_state is null) <> (organization_id is null) and credentials_status in ('missing', 'received', 'verified')`,
    )
    .execute();
  await db.schema
    .createIndex('delegation_unique')
    .on('delegation')
    .expression(sql`meeting_id, coalesce(member_state, ''), coalesce(organization_id, '')`)
    .unique()
    .execute();

  await db.schema
    .createTable('registration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('member_state', 'text', (c) => c.references('member_state.iso3'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('delegation_id', 'text', (c) => c.references('delegation.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('holds_place', 'integer', (c) => c.notNull())
    .addColumn('over_quota', 'integer', (c) => c.notNull().defaultTo(0))
    /** JSON list of allocation ids this registration takes a place in, released with it. */
    .addColumn('allocations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('sort_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('position', 'text')
    .addColumn('institution', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('gender', 'text', (c) => c.notNull().defaultTo('undisclosed'))
    .addColumn('preferred_lang', 'text', (c) => c.notNull())
    .addColumn('id_document', 'text')
    .addColumn('public_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('substitutes_id', 'text')
    .addColumn('substituted_by_id', 'text')
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text')
    .addColumn('created_by', 'text')
    .addColumn('nominator_email', 'text')
    .addColumn('nominator_lang', 'text')
    .addColumn('personal_data_purged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'registration_status',
      sql`status in ('nominated', 'applied', 'accredited', 'rejected', 'withdrawn', 'substituted')
        and holds_place = (case when status in ('nominated', 'applied', 'accredited') then 1 else 0 end)`,
    )
    .execute();
  await db.schema
    .createIndex('registration_meeting')
    .on('registration')
    .columns(['meeting_id', 'member_state', 'category'])
    .execute();
  await db.schema.createIndex('registration_delegation').on('registration').column('delegation_id').execute();
  await db.schema
    .createIndex('registration_sort')
    .on('registration')
    .columns(['meeting_id', 'sort_name', 'id'])
    .execute();

  // Responses to writes a client may retry, by (who, key): a retry gets the first answer back.
  await db.schema
    .createTable('idempotency_key')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_key_pk', ['scope', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'idempotency_key',
    'registration',
    'delegation',
    'allocation',
    'accreditation',
    'participation_rules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
