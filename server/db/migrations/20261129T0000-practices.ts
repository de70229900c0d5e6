import { sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The practice library. A practice is owned by a state (its focal points), an organisation (its
 * representatives) or the secretariat; its content lives in numbered revisions (JSON `data`),
 * each reviewed: the public reads `published_revision`, owners work on the latest.
 * `practice_facet` holds the published revision's facet values, one row each, so facet counts
 * are one indexed GROUP BY on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('practice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('member_state', 'text', (c) => c.references('member_state.iso3'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('owner_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_revision', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'practice_status',
      sql`status in ('draft', 'submitted', 'returned', 'published', 'rejected')
        and (published_revision is null) = (published_at is null)`,
    )
    .execute();
  await db.schema.createIndex('practice_published').on('practice').columns(['published_at', 'id']).execute();

  await db.schema
    .createTable('practice_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('practice_revision_number', ['practice_id', 'number'])
    .execute();

  await db.schema
    .createTable('practice_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('practice_comment_practice').on('practice_comment').columns(['practice_id']).execute();

  await db.schema
    .createTable('practice_attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('practice_attachment_practice')
    .on('practice_attachment')
    .columns(['practice_id'])
    .execute();

  await db.schema
    .createTable('practice_facet')
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practice.id').onDelete('cascade'))
    .addColumn('facet', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('practice_facet_pk', ['practice_id', 'facet', 'value'])
    .execute();
  // Covering: a facet filter reads the ids from the index alone.
  await db.schema
    .createIndex('practice_facet_lookup')
    .on('practice_facet')
    .columns(['facet', 'value', 'practice_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['practice_facet', 'practice_attachment', 'practice_comment', 'practice_revision', 'practice']) {
    await db.schema.dropTable(table).execute();
  }
}
