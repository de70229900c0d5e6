import { PostgresAdapter, sql, type Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any */

const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Filters go into the full-text index. `search_entry.tags` holds `scope:… lang:…` and a thing's
 * facet values (`theme:prevention country:ARG …`); `sort_key` its date. A library search then
 * is one index intersection per language (words AND tags) that also hands back each hit's facets
 * and date, instead of joining a facet table row by row: at 100,000 practices that join was
 * most of a search's time.
 *
 * SQLite: the table is rebuilt with `tags` and `sort_key` before the long texts, so reading them
 * for a hit stays on the row's first page; FTS5 gets a third column and keeps `:` and `_` inside
 * tokens, so a tag is one token. PostgreSQL: `tag_list` (an array) with a GIN index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const practiceTags = sql`coalesce((select ' ' || string_agg(f.facet || ':' || f.value, ' ' order by f.facet, f.value)
      from practice_facet f where e.scope = 'practice' and f.practice_id = e.ref_id), '')`;
  const sortKey = sql`case when e.scope = 'practice' then (select p.published_at from practice p where p.id = e.ref_id) end`;
  if (isPostgres(db)) {
    await sql`alter table search_entry add column tags text not null default ''`.execute(db);
    await sql`alter table search_entry add column sort_key text`.execute(db);
    await sql`update search_entry e set tags = 'scope:' || scope || ' lang:' || lang || ${practiceTags},
      sort_key = ${sortKey}`.execute(db);
    await sql`alter table search_entry add column tag_list text[] generated always as
      (string_to_array(tags, ' ')) stored`.execute(db);
    await sql`create index search_entry_tags on search_entry using gin (tag_list)`.execute(db);
    return;
  }
  for (const trigger of ['search_entry_ai', 'search_entry_ad', 'search_entry_au']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table search_fts`.execute(db);
  await sql`create table search_entry_next (
      seq integer primary key,
      scope text not null,
      ref_id text not null,
      lang text not null,
      tags text not null default '',
      sort_key text,
      title text not null,
      body text not null,
      updated_at text not null,
      constraint search_entry_ref unique (scope, ref_id, lang))`.execute(db);
  await sql`insert into search_entry_next (seq, scope, ref_id, lang, tags, sort_key, title, body, updated_at)
    select e.seq, e.scope, e.ref_id, e.lang,
      'scope:' || e.scope || ' lang:' || e.lang || ${sql.raw(
        // SQLite spells string_agg group_concat (3.44 knows both; older ones only the latter).
        `coalesce((select ' ' || group_concat(facet || ':' || value, ' ') from (select f.facet, f.value from practice_facet f
          where e.scope = 'practice' and f.practice_id = e.ref_id order by f.facet, f.value)), '')`,
      )},
      ${sortKey}, e.title, e.body, e.updated_at
    from search_entry e`.execute(db);
  await sql`drop table search_entry`.execute(db);
  await sql`alter table search_entry_next rename to search_entry`.execute(db);
  await sql`create virtual table search_fts using fts5(title, body, tags, content='search_entry', content_rowid='seq',
    tokenize="unicode61 remove_diacritics 2 tokenchars ':_'")`.execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
  await sql`create trigger search_entry_ai after insert on search_entry begin
    insert into search_fts(rowid, title, body, tags) values (new.seq, new.title, new.body, new.tags); end`.execute(db);
  await sql`create trigger search_entry_ad after delete on search_entry begin
    insert into search_fts(search_fts, rowid, title, body, tags) values ('delete', old.seq, old.title, old.body, old.tags);
    end`.execute(db);
  await sql`create trigger search_entry_au after update on search_entry begin
    insert into search_fts(search_fts, rowid, title, body, tags) values ('delete', old.seq, old.title, old.body, old.tags);
    insert into search_fts(rowid, title, body, tags) values (new.seq, new.title, new.body, new.tags); end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index search_entry_tags`.execute(db);
    for (const column of ['tag_list', 'sort_key', 'tags']) {
      await sql`alter table search_entry drop column ${sql.id(column)}`.execute(db);
    }
    return;
  }
  for (const trigger of ['search_entry_ai', 'search_entry_ad', 'search_entry_au']) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table search_fts`.execute(db);
  await sql`alter table search_entry drop column tags`.execute(db);
  await sql`alter table search_entry drop column sort_key`.execute(db);
  await sql`create virtual table search_fts using fts5(title, body, content='search_entry', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`insert into search_fts(search_fts) values ('rebuild')`.execute(db);
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
