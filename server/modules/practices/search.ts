import { LANGS, type Lang } from '../../../shared/lang.js';
import { FACETS, type SearchQuery, type SearchResult } from '../../../shared/schemas/practices.js';
import type { Engine } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { analyseQuery } from '../../search/analyse.js';
import { findTagged, tagsOf, type TaggedHit } from '../../search/index.js';
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
 * The public library search: published practices only (only they are in the index), every word
 * matched in each language's own analysis (a practice is found through any of its language
 * versions), facet filters combined with AND, facet counts over the whole result, relevance or
 * date order, keyset cursor.
 *
 * The index does the matching and the filtering in one statement (words AND tags, per language)
 * and hands back each hit's tags and date, so the best hit per practice, the counts and the order
 * are worked out here from that one list; nothing is looked up row by row.
 */
export async function searchPractices(db: Db, engine: Engine, query: SearchQuery, lang: Lang): Promise<SearchResult> {
  const q = query.q?.trim() ?? '';
  const words = q ? LANGS.map((l) => ({ lang: l, terms: analyseQuery(q, l) })).filter((t) => t.terms.length) : [];
  const tags = Object.entries(FILTERS).flatMap(([param, facet]) => {
    const value = query[param as keyof typeof FILTERS];
    return value ? [{ facet, value }] : [];
  });
  // A query made only of words the analysis drops (punctuation) finds nothing, not everything.
  const hits = q && !words.length ? [] : await findTagged(db, engine, 'practice', { words, tags });

  const best = new Map<string, TaggedHit>();
  for (const hit of hits) {
    const seen = best.get(hit.refId);
    if (!seen || hit.score > seen.score) best.set(hit.refId, hit);
  }
  const found = [...best.values()];

  const byDate = query.sort === 'date' || !q;
  const key = (h: TaggedHit): number | string => (byDate ? (h.sortKey ?? '') : h.score);
  // Newest or best first; the id breaks ties, so the order (and the cursor) is total.
  const before = (a: TaggedHit, b: TaggedHit) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) return ka > kb ? -1 : 1;
    return a.refId < b.refId ? -1 : a.refId > b.refId ? 1 : 0;
  };
  let rest = found;
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const mark: TaggedHit = { refId: c.id, score: Number(c.k), sortKey: String(c.k), tags: '' };
    rest = found.filter((h) => before(mark, h) < 0);
  }
  const limit = query.limit ?? 20;
  const rows = topN(rest, limit + 1, before);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = last && rows.length > limit ? encodeCursor(key(last), last.refId) : null;

  return {
    items: await presentHits(db, page, lang, q),
    total: found.length,
    facets: facetCounts(found),
    nextCursor,
  };
}

/** The first n in order without sorting everything: a page is 21 of possibly tens of thousands. */
function topN<T>(items: T[], n: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === n && compare(item, top[n - 1] as T) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(item, top[at - 1] as T) < 0) at--;
    top.splice(at, 0, item);
    if (top.length > n) top.pop();
  }
  return top;
}

function facetCounts(hits: TaggedHit[]): SearchResult['facets'] {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    for (const tag of hit.tags.split(' ')) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const out: SearchResult['facets'] = Object.fromEntries(FACETS.map((f) => [f, []]));
  for (const [facet, n] of counts) {
    for (const { facet: name, value } of tagsOf(facet)) out[name]?.push({ value, count: n });
  }
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return out;
}

async function presentHits(db: Db, hits: TaggedHit[], lang: Lang, q: string) {
  const page = hits.map((h) => ({ id: h.refId }));
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
