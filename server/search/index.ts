import { sql, type Kysely, type Transaction } from 'kysely';
import { LANGS, type Lang } from '../../shared/lang.js';
import type { Engine } from '../db/database.js';
import { nowIso } from '../db/ids.js';
import type { DB } from '../db/schema.js';
import { analyse, analyseQuery } from './analyse.js';

type Db = Kysely<DB> | Transaction<DB>;
/** What is indexed: each feature keeps its own rows. */
export type SearchScope = 'document' | 'practice';

export interface SearchText {
  title: string;
  body: string;
}

/** A filter value in the index: `facet:value`, one token on both engines. */
export interface Tag {
  facet: string;
  value: string;
}
const TAG_PART = /^[A-Za-z0-9_]+$/;

function tagText({ facet, value }: Tag): string {
  // Both parts are names from closed lists (themes, ISO codes, years); anything else would split
  // into several tokens and silently stop matching, so it is a programming error.
  if (!TAG_PART.test(facet) || !TAG_PART.test(value)) throw new Error(`not a search tag: ${facet}:${value}`);
  return `${facet}:${value}`;
}

/** The facet values of a hit's `tags`, without the scope and language every entry carries. */
export function tagsOf(tags: string): Tag[] {
  return tags.split(' ').flatMap((text) => {
    const at = text.indexOf(':');
    const facet = text.slice(0, at);
    return at > 0 && facet !== 'scope' && facet !== 'lang' ? [{ facet, value: text.slice(at + 1) }] : [];
  });
}

/** What an entry's `tags` column holds: its scope, its language and the given values, sorted. */
export function tagLine(scope: SearchScope, lang: Lang, tags: readonly Tag[]): string {
  const extra = tags.map(tagText).sort();
  return [tagText({ facet: 'scope', value: scope }), tagText({ facet: 'lang', value: lang }), ...extra].join(' ');
}

export interface IndexOptions {
  /** Values a search can filter on and count (facets). */
  tags?: Tag[];
  /** The date hits are ordered by when sorted by date. */
  sortKey?: string | null;
}

/**
 * Replaces what the index holds for one thing: one row per language it has text in. Called in
 * the transaction that changes the thing, so the index never disagrees with what is committed.
 */
export async function indexTexts(
  db: Db,
  scope: SearchScope,
  refId: string,
  texts: Partial<Record<Lang, SearchText>>,
  options: IndexOptions = {},
): Promise<void> {
  await db.deleteFrom('search_entry').where('scope', '=', scope).where('ref_id', '=', refId).execute();
  const rows = LANGS.flatMap((lang) => {
    const text = texts[lang];
    if (!text || !(text.title.trim() || text.body.trim())) return [];
    return [
      {
        scope,
        ref_id: refId,
        lang,
        tags: tagLine(scope, lang, options.tags ?? []),
        sort_key: options.sortKey ?? null,
        title: analyse(text.title, lang),
        body: analyse(text.body, lang),
        updated_at: nowIso(),
      },
    ];
  });
  if (rows.length) await db.insertInto('search_entry').values(rows).execute();
}

export async function unindex(db: Db, scope: SearchScope, refId: string): Promise<void> {
  await db.deleteFrom('search_entry').where('scope', '=', scope).where('ref_id', '=', refId).execute();
}

export interface SearchHit {
  refId: string;
  /** The language of the text that matched best. */
  lang: Lang;
  /** Higher is better; comparable within one search only. */
  score: number;
}

/**
 * Finds the things whose text in some language matches every word of the query, the query being
 * analysed in that same language: a Spanish query finds the Spanish text or translation of a
 * thing; `langs` says which languages to look in. Title matches weigh more than body matches
 * (FTS5 bm25 column weights, PostgreSQL ts_rank weight A over B). Best hit per thing, best first.
 */
export async function search(
  db: Db,
  engine: Engine,
  scope: SearchScope,
  query: string,
  langs: readonly Lang[] = LANGS,
): Promise<SearchHit[]> {
  const best = new Map<string, SearchHit>();
  for (const lang of langs) {
    const terms = analyseQuery(query, lang);
    if (!terms.length) continue;
    const hits =
      engine === 'postgres' ? await postgresHits(db, scope, lang, terms) : await sqliteHits(db, scope, lang, terms);
    for (const hit of hits) {
      const seen = best.get(hit.refId);
      if (!seen || hit.score > seen.score) best.set(hit.refId, hit);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.refId.localeCompare(b.refId));
}

/**
 * The hits of one language as a subquery `(id, score)`, for features that join them with their
 * own tables (facets, paging) in one statement instead of carrying ids through the application.
 */
export function hitsSubquery(engine: Engine, scope: SearchScope, lang: Lang, terms: string[][]) {
  if (engine === 'postgres') {
    const query = terms.map((alternatives) => `(${alternatives.join(' | ')})`).join(' & ');
    return sql`select ref_id as id, ts_rank('{0.1, 0.2, 0.1, 1.0}', tsv, to_tsquery('simple', ${query}))::float8 as score
      from search_entry where tsv @@ to_tsquery('simple', ${query}) and scope = ${scope} and lang = ${lang}`;
  }
  const match = terms.map((alternatives) => `(${alternatives.map((t) => `"${t}"`).join(' OR ')})`).join(' AND ');
  return sql`select e.ref_id as id, -bm25(search_fts, 10.0, 1.0, 0.0) as score
    from search_fts join search_entry e on e.seq = search_fts.rowid
    where search_fts match ${match} and e.scope = ${scope} and e.lang = ${lang}`;
}

async function sqliteHits(db: Db, scope: SearchScope, lang: Lang, terms: string[][]): Promise<SearchHit[]> {
  // Terms are letters and digits only (analyse.ts); quoted anyway, so no word is read as FTS syntax.
  const match = terms.map((alternatives) => `(${alternatives.map((t) => `"${t}"`).join(' OR ')})`).join(' AND ');
  const { rows } = await sql<{ ref_id: string; rank: number }>`
    select e.ref_id, bm25(search_fts, 10.0, 1.0, 0.0) as rank
    from search_fts join search_entry e on e.seq = search_fts.rowid
    where search_fts match ${match} and e.scope = ${scope} and e.lang = ${lang}`.execute(db);
  return rows.map((r) => ({ refId: r.ref_id, lang, score: -Number(r.rank) }));
}

async function postgresHits(db: Db, scope: SearchScope, lang: Lang, terms: string[][]): Promise<SearchHit[]> {
  const query = terms.map((alternatives) => `(${alternatives.join(' | ')})`).join(' & ');
  const { rows } = await sql<{ ref_id: string; rank: number }>`
    select ref_id, ts_rank('{0.1, 0.2, 0.1, 1.0}', tsv, q) as rank
    from search_entry, to_tsquery('simple', ${query}) q
    where tsv @@ q and scope = ${scope} and lang = ${lang}`.execute(db);
  return rows.map((r) => ({ refId: r.ref_id, lang, score: Number(r.rank) }));
}

export interface TaggedHit {
  refId: string;
  /** Higher is better; 0 when the search has no words. */
  score: number;
  tags: string;
  sortKey: string | null;
}

export interface TaggedQuery {
  /** The query analysed in each language it is looked for in; empty: no words, filters only. */
  words: { lang: Lang; terms: string[][] }[];
  /** Every one of these must be among a hit's tags. */
  tags: Tag[];
}

/**
 * Entries matching the words (each language's analysis against that language's texts) and every
 * tag, with their tags and sort key, in one statement: filters are intersected inside the
 * full-text index instead of joined afterwards. A thing found in several languages comes once
 * per language; the caller keeps its best.
 */
export async function findTagged(db: Db, engine: Engine, scope: SearchScope, query: TaggedQuery): Promise<TaggedHit[]> {
  const filters = query.tags.map(tagText);
  const parts = query.words.length
    ? query.words.map(({ lang, terms }) => taggedHits(engine, scope, lang, terms, filters))
    : [taggedHits(engine, scope, null, [], filters)];
  // Selected under the hit's own names: tens of thousands of rows are not copied into new objects.
  const { rows } = await sql<TaggedHit>`${sql.join(parts, sql` union all `)}`.execute(db);
  return rows;
}

function taggedHits(engine: Engine, scope: SearchScope, lang: Lang | null, terms: string[][], filters: string[]) {
  const scoped = [
    tagText({ facet: 'scope', value: scope }),
    ...(lang ? [tagText({ facet: 'lang', value: lang })] : []),
  ];
  if (engine === 'postgres') {
    const tags = [...scoped, ...filters];
    if (!terms.length) {
      return sql`select ref_id as "refId", tags, sort_key as "sortKey", 0::float8 as score
        from search_entry where tag_list @> ${tags}::text[]`;
    }
    const query = terms.map((alternatives) => `(${alternatives.join(' | ')})`).join(' & ');
    return sql`select ref_id as "refId", tags, sort_key as "sortKey",
        ts_rank('{0.1, 0.2, 0.1, 1.0}', tsv, to_tsquery('simple', ${query}))::float8 as score
      from search_entry where tsv @@ to_tsquery('simple', ${query}) and tag_list @> ${tags}::text[]`;
  }
  // Words only in the texts, tags only in the tags column; both already letters, digits, `:` and `_`.
  // Scope and language are checked on the entry, not in the index, when words or filters narrow
  // the match: their posting lists hold every entry, and intersecting them cost a quarter of a
  // search (measured at 100,000 practices).
  const words = terms.map((alternatives) => `{title body}: (${alternatives.map((t) => `"${t}"`).join(' OR ')})`);
  const inIndex = words.length || filters.length ? filters : scoped;
  const match = [...words, ...inIndex.map((t) => `tags: "${t}"`)].join(' AND ');
  const score = terms.length ? sql`-bm25(search_fts, 10.0, 1.0, 0.0)` : sql`0.0`;
  const language = lang ? sql` and e.lang = ${lang}` : sql``;
  return sql`select * from (select e.ref_id as refId, e.tags, e.sort_key as sortKey, ${score} as score
    from search_fts join search_entry e on e.seq = search_fts.rowid
    where search_fts match ${match} and e.scope = ${scope}${language})`;
}
