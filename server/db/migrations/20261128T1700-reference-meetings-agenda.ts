import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema at a point in time, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_state')
    .addColumn('iso3', 'text', (c) => c.primaryKey())
    .addColumn('iso2', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_pt', 'text', (c) => c.notNull())
    .addColumn('subregion', 'text', (c) => c.notNull())
    .addColumn('groupings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('participated_2005', 'integer', (c) => c.notNull().check(sql`participated_2005 in (0, 1)`))
    .execute();

  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text', (c) => c.notNull())
    .addColumn('member_state', 'text', (c) => c.references('member_state.iso3'))
    .execute();

  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organizers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('default_session_hours', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('meeting_dates', sql`start_date <= end_date`)
    .execute();

  await db.schema
    .createTable('concept_section')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addUniqueConstraint('concept_section_position', ['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('agenda_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('published_at', 'text')
    .addColumn('changes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('agenda_version_number', ['meeting_id', 'number'])
    .addCheckConstraint('agenda_version_published', sql`(number is null) = (published_at is null)`)
    .execute();
  // Exactly one editable draft per meeting; both engines support partial unique indexes.
  await db.schema
    .createIndex('agenda_version_one_draft')
    .on('agenda_version')
    .column('meeting_id')
    .unique()
    .where(sql.ref('number'), 'is', null)
    .execute();

  await db.schema
    .createTable('agenda_day')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('agenda_version.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('agenda_day_date', ['version_id', 'date'])
    .execute();

  await db.schema
    .createTable('agenda_block')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('day_id', 'text', (c) => c.notNull().references('agenda_day.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addUniqueConstraint('agenda_block_position', ['day_id', 'position'])
    .execute();

  await db.schema
    .createTable('agenda_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('agenda_version.id').onDelete('cascade'))
    .addColumn('block_id', 'text', (c) => c.notNull().references('agenda_block.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('presenters', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('alternatives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_time', 'text')
    .addColumn('end_time', 'text')
    .addUniqueConstraint('agenda_item_key', ['version_id', 'key'])
    .addUniqueConstraint('agenda_item_position', ['block_id', 'position'])
    .execute();
  await db.schema.createIndex('agenda_block_day').on('agenda_block').column('day_id').execute();
  await db.schema.createIndex('agenda_item_block').on('agenda_item').column('block_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'agenda_item',
    'agenda_block',
    'agenda_day',
    'agenda_version',
    'concept_section',
    'meeting',
    'organization',
    'member_state',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
