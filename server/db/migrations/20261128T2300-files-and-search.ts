import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Files move out of the database into the file store (DATA_DIR/files or an S3 bucket), named by
 * their SHA-256: `storage_key`. Rows written before keep their `content` and are read from it.
 * `text` keeps what was extracted from a PDF, so the search index can be rebuilt without the file.
 *
 * `search_entry` holds text already analysed by the application (folded, stemmed in its own
 * language: server/search/analyse.ts), one row per thing and language; each engine indexes it
 * with its plain tokenizer, so both find the same rows for the same query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table document_file alter column content drop not null`.execute(db);
    await sql`alter table document_file add column storage_key text`.execute(db);
    await sql`alter table document_file add column text text`.execute(db);
  } else {
    // SQLite cannot drop a NOT NULL: rebuild the table (nothing references it).
    await db.schema
      .createTable('document_file_next')
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
      .addColumn('content', 'blob')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('storage_key', 'text')
      .addColumn('text', 'text')
      .addCheckConstraint(
        'document_file_kind',
        sql`lang in ('en', 'es', 'fr', 'pt') and role in ('original', 'translation')
          and format in ('pdf', 'docx', 'xlsx', 'pptx', 'odt')`,
      )
      .addUniqueConstraint('document_file_lang', ['revision_id', 'lang'])
      .execute();
    await sql`insert into document_file_next
      (id, revision_id, lang, role, official, format, content_type, file_name, size, sha256, content, created_by, created_at)
      select id, revision_id, lang, role, official, format, content_type, file_name, size, sha256, content, created_by, created_at
      from document_file`.execute(db);
    await db.schema.dropTable('document_file').execute();
    await sql`alter table document_file_next rename to document_file`.execute(db);
  }

  // What a generated revision was made from ('agenda:v2', 'participants'): registering the same
  // agenda version twice is refused, and a reader sees which version a file shows.
  await db.schema.alterTable('document_revision').addColumn('source', 'text').execute();

  let entry = db.schema.createTable('search_entry');
  // FTS5's external content needs a stable integer rowid: an INTEGER PRIMARY KEY, never the implicit one.
  entry = isPostgres(db)
    ? entry.addColumn('seq', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    : entry.addColumn('seq', 'integer', (c) => c.primaryKey());
  await entry
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_entry_ref', ['scope', 'ref_id', 'lang'])
    .execute();

  if (isPostgres(db)) {
    await sql`alter table search_entry add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')) stored`.execute(db);
    await sql`create index search_entry_tsv on search_entry using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, content='search_entry', content_rowid='seq',
      tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_entry_ai after insert on search_entry begin
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
    await sql`create trigger search_entry_ad after delete on search_entry begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body); end`.execute(
      db,
    );
    await sql`create trigger search_entry_au after update on search_entry begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.seq, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.seq, new.title, new.body); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_entry').execute();
}
