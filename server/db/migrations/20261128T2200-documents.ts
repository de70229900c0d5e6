import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  /*
   * The meeting's official register. `symbol` is free text in the OAS style, null until the
   * document is issued (or registered with one), unique per meeting. `title` is a MultiText.
   * `owner_role` says in which role the creator acted: a focal point's or representative's
   * draft is shared with the others acting for the same state or organisation.
   */
  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id').onDelete('cascade'))
    .addColumn('symbol', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('original_lang', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('distribution', 'text', (c) => c.notNull())
    .addColumn('agenda_item_key', 'text')
    .addColumn('member_state', 'text', (c) => c.references('member_state.iso3'))
    .addColumn('organization_id', 'text', (c) => c.references('organization.id'))
    .addColumn('owner_id', 'text', (c) => c.references('app_user.id').onDelete('set null'))
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('superseded_by', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'document_state',
      sql`status in ('draft', 'issued', 'superseded')
        and distribution in ('public', 'participants', 'secretariat')
        and original_lang in ('en', 'es', 'fr', 'pt')
        and (status = 'draft' or symbol is not null)`,
    )
    .execute();
  // Several drafts may have no symbol yet: NULLs are distinct in a unique index on both engines.
  await db.schema.createIndex('document_symbol').on('document').columns(['meeting_id', 'symbol']).unique().execute();
  await db.schema.createIndex('document_meeting').on('document').columns(['meeting_id', 'kind']).execute();

  /** Number 0 is the document as first issued; then each rev. N or corr. N in order. */
  await db.schema
    .createTable('document_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('document_revision_kind', sql`kind in ('original', 'rev', 'corr') and number >= 0 and seq >= 0`)
    .addUniqueConstraint('document_revision_number', ['document_id', 'number'])
    .addUniqueConstraint('document_revision_seq', ['document_id', 'kind', 'seq'])
    .execute();

  /*
   * One file per language per revision, kept in the database as a blob (as the credentials
   * letter is): every server process sees the same files with no shared volume, a backup of
   * the database is a backup of the register, and a file and its metadata commit together.
   * Lists never select `content`.
   */
  await db.schema
    .createTable('document_file')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('revision_id', 'text', (c) => c.notNull().references('document_revision.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('official', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'document_file_kind',
      sql`lang in ('en', 'es', 'fr', 'pt') and role in ('original', 'translation')
        and format in ('pdf', 'docx', 'xlsx', 'pptx', 'odt')`,
    )
    .addUniqueConstraint('document_file_lang', ['revision_id', 'lang'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_file').execute();
  await db.schema.dropTable('document_revision').execute();
  await db.schema.dropTable('document').execute();
}
