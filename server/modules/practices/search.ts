import { sql } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { FACETS, type SearchQuery, type SearchResult } from '../../../shared/schemas/practices.js';
import type { Engine } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { search } from '../../search/index.js';
import { snippet } from '../../search/snippet.js';
import { readField } from './content.js';
import { dataOf, type Db } from './repository.js';

/** SQLite allows 32,766 bound values per statement; stay far below. */
const CHUNK = 500;
const chunks = <T>(list: T[]) =>
  Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

interface Candidate {
  id: string;
  score: number;
  lang: Lang | null;
  publishedAt: string;
}

const FILTERS = {
  theme: 'theme',
  targetGroup: 'targetGroup',
  form: 'form',
  subregion: 'subregion',
  country: 'country',
  orgKind: 'orgKind',
  year: 'year',
} as const satisfies Record<string, (typeof FACETS)[number]>;

function decodeCursor(cursor: string): { k: number | string; id: string } {
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
 * nothing else), words matched in each language's own analysis, facet filters combined with
 * AND, facet counts over the whole result, relevance or date order, keyset cursor.
 */
export async function searchPractices(db: Db, engine: Engine, query: SearchQuery, lang: Lang): Promise<SearchResult> {
  const q = query.q?.trim() ?? '';
  const filters = Object.entries(FILTERS).flatMap(([param, facet]) => {
    const value = query[param as keyof typeof FILTERS];
    return value ? [{ facet, value }] : [];
  });

  let ids: Set<string> | null = null;
  const hits = q ? await search(db, engine, 'practice', q) : null;
  if (hits) ids = new Set(hits.map((h) => h.refId));
  for (const f of filters) {
    const rows = await db
      .selectFrom('practice_facet')
      .select('practice_id')
      .where('facet', '=', f.facet)
      .where('value', '=', f.value)
      .execute();
    const matching = new Set(rows.map((r) => r.practice_id));
    ids = ids ? new Set([...ids].filter((id) => matching.has(id))) : matching;
  }

  let candidates: Candidate[];
  const byHit = new Map((hits ?? []).map((h) => [h.refId, h]));
  const published = db
    .selectFrom('practice')
    .select(['id', 'published_at'])
    .where('published_revision', 'is not', null);
  if (ids === null) {
    candidates = (await published.execute()).map((r) => ({
      id: r.id,
      score: 0,
      lang: null,
      publishedAt: r.published_at ?? '',
    }));
  } else {
    candidates = [];
    for (const part of chunks([...ids])) {
      for (const r of await published.where('id', 'in', part).execute()) {
        const hit = byHit.get(r.id);
        candidates.push({
          id: r.id,
          score: hit?.score ?? 0,
          lang: hit?.lang ?? null,
          publishedAt: r.published_at ?? '',
        });
      }
    }
  }

  const byDate = query.sort === 'date' || !q;
  const key = (c: Candidate): number | string => (byDate ? c.publishedAt : c.score);
  candidates.sort((a, b) =>
    byDate
      ? b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id)
      : b.score - a.score || a.id.localeCompare(b.id),
  );

  const facets = await facetCounts(db, ids === null ? null : candidates.map((c) => c.id));

  let start = 0;
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    const index = candidates.findIndex((c) => {
      const k = key(c);
      const before = typeof k === 'number' && typeof after.k === 'number' ? k > after.k : String(k) > String(after.k);
      return !(before || (k === after.k && c.id <= after.id));
    });
    start = index < 0 ? candidates.length : index;
  }
  const limit = query.limit ?? 20;
  const page = candidates.slice(start, start + limit);
  const last = page.at(-1);
  const nextCursor = last && start + limit < candidates.length ? encodeCursor(key(last), last.id) : null;

  return { items: await presentHits(db, page, lang, q), total: candidates.length, facets, nextCursor };
}

async function facetCounts(db: Db, ids: string[] | null): Promise<SearchResult['facets']> {
  const counts = new Map<string, Map<string, number>>(FACETS.map((f) => [f, new Map()]));
  const addRows = (rows: { facet: string; value: string; n: number | string | bigint }[]) => {
    for (const r of rows) {
      const facet = counts.get(r.facet);
      if (facet) facet.set(r.value, (facet.get(r.value) ?? 0) + Number(r.n));
    }
  };
  const grouped = db
    .selectFrom('practice_facet')
    .select(['facet', 'value', sql<number>`count(*)`.as('n')])
    .groupBy(['facet', 'value']);
  if (ids === null) addRows(await grouped.execute());
  else for (const part of chunks(ids)) addRows(await grouped.where('practice_id', 'in', part).execute());
  return Object.fromEntries(
    [...counts].map(([facet, values]) => [
      facet,
      [...values]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    ]),
  );
}

async function presentHits(db: Db, page: Candidate[], lang: Lang, q: string) {
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
  return page.flatMap((c) => {
    const row = byId.get(c.id);
    if (!row) return [];
    const data = dataOf(row);
    const matched = c.lang ?? lang;
    const text = ['description', 'summary', 'results', 'lessons'] as const;
    const found = q
      ? (text.map((f) => snippet(data[f]?.values[matched]?.text ?? '', matched, q)).find((s) => s !== null) ?? null)
      : null;
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
