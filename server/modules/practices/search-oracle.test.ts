import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGS } from '../../../shared/lang.js';
import { analyse, analyseQuery } from '../../search/analyse.js';
import { searchTexts } from './content.js';
import { api, world, type World } from './practices.test-helper.js';
import { dataOf, facetValues, referenceSets } from './repository.js';

/**
 * The search against a plain reading of its rules, on whichever engine the suite runs (CI runs
 * it on SQLite and on PostgreSQL): a practice is found when, in one of its languages, every
 * word of the query (analysed in that language) is among its analysed words, and it carries
 * every filter value. The same answers on both engines follow from both agreeing with this.
 */
let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => w.t.close());

interface Result {
  items: { id: string }[];
  total: number;
  facets: Record<string, { value: string; count: number }[]>;
  nextCursor: string | null;
}

async function library() {
  const db = w.t.app.db;
  const rows = await db
    .selectFrom('practice')
    .innerJoin('practice_revision', (j) =>
      j
        .onRef('practice_revision.practice_id', '=', 'practice.id')
        .onRef('practice_revision.number', '=', 'practice.published_revision'),
    )
    .select(['practice.id', 'practice.organization_id', 'practice.published_at', 'practice_revision.data'])
    .execute();
  const ref = await referenceSets(db);
  return rows.map((row) => {
    const data = dataOf(row);
    const texts = searchTexts(data);
    const words = Object.fromEntries(
      LANGS.map((l) => {
        const t = texts[l];
        return [l, new Set(t ? analyse(`${t.title}\n${t.body}`, l).split(' ') : [])];
      }),
    );
    const facets = facetValues(data, row, ref).map((f) => `${f.facet}:${f.value}`);
    return { id: row.id, publishedAt: row.published_at ?? '', words, facets };
  });
}

async function everyPage(query: string): Promise<{ ids: string[]; first: Result }> {
  const ids: string[] = [];
  let first: Result | null = null;
  let cursor: string | null = null;
  do {
    const res = await api(w, null, 'GET', `/api/practices?${query}&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<Result>();
    first ??= page;
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, first: first as Result };
}

describe('the library search agrees with its rules', () => {
  const queries: [string, Record<string, string>][] = [
    ['traite', {}],
    ['trata de personas', {}],
    ['trafficking women children', {}],
    ['explotacion sexual', {}],
    ['Caraïbe', {}],
    ['Caribe', { theme: 'capacity_building' }],
    ['retorno voluntario', {}],
    ['formation loi', {}],
    ['', { theme: 'cooperation' }],
    ['', { subregion: 'caribbean', theme: 'prevention' }],
    ['victims', { country: 'USA' }],
    ['nothingmatchesthisword', {}],
  ];

  it.each(queries)('q=%s %o: the same practices, counts and facets as the rules give', async (q, filters) => {
    const all = await library();
    let found = 0;
    for (const lang of LANGS) {
      const params = new URLSearchParams({ lang, sort: 'date', ...(q ? { q } : {}), ...filters });
      const wanted = all
        .filter((p) =>
          LANGS.some((l) => analyseQuery(q, l).every((alternatives) => alternatives.some((t) => p.words[l]?.has(t)))),
        )
        .filter((p) => Object.entries(filters).every(([facet, value]) => p.facets.includes(`${facet}:${value}`)))
        .sort((a, b) =>
          a.publishedAt === b.publishedAt ? (a.id < b.id ? -1 : 1) : a.publishedAt > b.publishedAt ? -1 : 1,
        );
      const { ids, first } = await everyPage(params.toString());
      expect(ids, `${lang}: ${params}`).toEqual(wanted.map((p) => p.id));
      expect(first.total).toBe(wanted.length);
      found += wanted.length;
      const counts = new Map<string, number>();
      for (const p of wanted) for (const f of p.facets) counts.set(f, (counts.get(f) ?? 0) + 1);
      const facets = Object.entries(first.facets).flatMap(([facet, list]) =>
        list.map((f) => [`${facet}:${f.value}`, f.count] as const),
      );
      expect(new Map(facets)).toEqual(counts);
    }
    // Each row of the table but the last is there because the demo library answers it.
    expect(found > 0).toBe(q !== 'nothingmatchesthisword');
  });
});
