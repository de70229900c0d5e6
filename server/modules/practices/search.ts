import { sql, type RawBuilder } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import { FACETS, type SearchQuery, type SearchResult } from '../../../shared/schemas/practices.js';
import type { Engine } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { analyseQuery } from '../../search/analyse.js';
import { hitsSubquery } from '../../search/index.js';
import { snippet } from '../../search/snippet.js';
import { readField } from './content.js';
import { dataOf, type Db } from './repository.js';

const FILTERS = {
  theme: 'theme',
  targetGroup: 'targetGroup',
  form: 'form',
  subregion: 'subregion',
  country: 'country',
  orgKind: 'orgKind',
  year: 'year',
} as const satisfies Record<string, (typeof FACETS)[number]>;

interface Cursor {
  k: number | string;
  id: string;
}

function decodeCursor(cursor: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: unknown; id: unknown };
    if ((typeof value.k === 'number' || typeof value.k === 'string') && typeof value.id === 'string') {
      return { k: value.k, id: value.id };
    }
  } catch {
    // fall through
  }
  throw new AppError('bad_request', 'This cursor is not one this search gave out; start again without it.', {
    reason: 'invalid_cursor',
  });
}
const encodeCursor = (k: number | string, id: string) => Buffer.from(JSON.stringify({ k, id })).toString('base64url');

/**
 * The public library search: published practices only (the index and the facet table hold
 * nothing else), every word matched in each language's own analysis (a practice is found through
 * any of its language versions), facet filters combined with AND, facet counts over the whole
 * result, relevance or date order, keyset cursor. One SQL statement builds the result set; the
 * page and the facet counts read it, so no list of ids travels through the application.
 */
export async function searchPractices(db: Db, engine: Engine, query: SearchQuery, lang: Lang): Promise<SearchResult> {
  const q = query.q?.trim() ?? '';
  const terms = q ? LANGS.map((l) => ({ lang: l, terms: analyseQuery(q, l) })).filter((t) => t.terms.length) : [];
  const filters = Object.entries(FILTERS).flatMap(([param, facet]) => {
    const value = query[param as keyof typeof FILTERS];
    return value ? [{ facet, value }] : [];
  });

  // Only published practices have facet rows and index entries, so both give published ids.
  const filtered = filters.length
    ? sql.join(
        filters.map((f) => sql`select practice_id from practice_facet where facet = ${f.facet} and value = ${f.value}`),
        sql` intersect `,
      )
    : null;
  let candidates: RawBuilder<unknown>;
  if (terms.length) {
    const parts = sql.join(
      terms.map((t) => hitsSubquery(engine, 'practice', t.lang, t.terms)),
      sql` union all `,
    );
    const only = filtered ? sql`where id in (${filtered})` : sql``;
    candidates = sql`select id, max(score) as score from (${parts}) h ${only} group by id`;
  } else if (filtered) {
    candidates = sql`select practice_id as id, 0 as score from (${filtered}) f`;
  } else {
    candidates = sql`select id, 0 as score from practice where published_revision is not null`;
  }
  const result = sql`select c.id, c.score, p.published_at from (${candidates}) c
    join practice p on p.id = c.id and p.published_revision is not null`;

  const byDate = query.sort === 'date' || !q;
  const order = byDate ? sql`published_at desc, id asc` : sql`score desc, id asc`;
  let after = sql``;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    after = byDate
      ? sql`where (published_at < ${String(c.k)} or (published_at = ${String(c.k)} and id > ${c.id}))`
      : sql`where (score < ${Number(c.k)} or (score = ${Number(c.k)} and id > ${c.id}))`;
  }
  const limit = query.limit ?? 20;
  // SQLite takes CROSS JOIN as an order: read the (small) result, then its facet rows, not the reverse.
  const drive = engine === 'sqlite' ? sql`cross join` : sql`join`;
  const [page, counts] = await Promise.all([
    sql<{ id: string; score: number; published_at: string; total: number | string }>`
      select id, score, published_at, total from (
        select r.*, count(*) over () as total from (${result}) r
      ) x ${after} order by ${order} limit ${limit + 1}`.execute(db),
    sql<{ facet: string; value: string; n: number | string }>`
      with r as materialized (${result})
      select f.facet, f.value, count(*) as n from r ${drive} practice_facet f on f.practice_id = r.id
      group by f.facet, f.value`.execute(db),
  ]);
  let total = Number(page.rows[0]?.total ?? 0);
  if (!page.rows.length && query.cursor) {
    total = Number(
      (await sql<{ n: number }>`with r as (${result}) select count(*) as n from r`.execute(db)).rows[0]?.n,
    );
  }
  const rows = page.rows.slice(0, limit);
  const last = rows.at(-1);
  const nextCursor =
    last && page.rows.length > limit ? encodeCursor(byDate ? last.published_at : Number(last.score), last.id) : null;

  return { items: await presentHits(db, rows, lang, q), total, facets: facetCounts(counts.rows), nextCursor };
}

function facetCounts(rows: { facet: string; value: string; n: number | string }[]): SearchResult['facets'] {
  const out: SearchResult['facets'] = Object.fromEntries(FACETS.map((f) => [f, []]));
  for (const r of rows) out[r.facet]?.push({ value: r.value, count: Number(r.n) });
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return out;
}

async function presentHits(db: Db, page: { id: string }[], lang: Lang, q: string) {
  if (page.length === 0) return [];
  const rows = await db
    .selectFrom('practice')
    .innerJoin('practice_revision', (join) =>
      join
        .onRef('practice_revision.practice_id', '=', 'practice.id')
        .onRef('practice_revision.number', '=', 'practice.published_revision'),
    )
    .select(['practice.id', 'practice.published_at', 'practice_revision.data'])
    .where(
      'practice.id',
      'in',
      page.map((c) => c.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fields = ['title', 'description', 'summary', 'results', 'lessons'] as const;
  return page.flatMap((c) => {
    const row = byId.get(c.id);
    if (!row) return [];
    const data = dataOf(row);
    // The passage shown: in the reader's language when that version matches, else in the first that does.
    let found = null;
    for (const l of q ? [lang, ...LANGS.filter((x) => x !== lang)] : []) {
      for (const f of fields.slice(1)) {
        found = snippet(data[f]?.values[l]?.text ?? '', l, q);
        if (found) break;
      }
      if (found) break;
    }
    return [
      {
        id: c.id,
        title: readField(data, 'title', lang),
        summary: readField(data, 'summary', lang),
        snippet: found,
        themes: data.themes,
        countries: data.countries ?? [],
        year: data.periodStart?.slice(0, 4) ?? null,
        publishedAt: row.published_at ?? '',
      },
    ];
  });
}
