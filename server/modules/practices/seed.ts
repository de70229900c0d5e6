import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { TEXT_FIELDS, PracticeInput, PracticeTextValue } from '../../../shared/schemas/practices.js';
import type { AuditContext } from '../../audit/audit.js';
import type { DB } from '../../db/schema.js';
import { normalisePractice } from './content.js';
import { practiceOr404, referenceSets } from './repository.js';
import { createPractice, reviewPractice } from './workflow.js';

type Texts = Partial<Record<Lang, string>>;
interface SeedPractice extends Omit<PracticeInput, (typeof TEXT_FIELDS)[number] | 'otherPlaces'> {
  key: string;
  original: Lang;
  title: Texts;
  summary: Texts;
  description: Texts;
  results: Texts;
  lessons: Texts;
  otherPlaces: Texts[];
  subregions?: string[];
}

/** The note's language is the original; the other languages are translations marked unofficial. */
function text(values: Texts, original: Lang): PracticeTextValue | undefined {
  if (!values[original]) return undefined;
  const out: PracticeTextValue['values'] = {};
  for (const lang of LANGS) {
    const t = values[lang];
    if (t) out[lang] = { text: t, source: lang === original ? 'submitter' : 'unofficial' };
  }
  return { original, values: out };
}

export function seedPracticeInput(seed: SeedPractice): PracticeInput {
  // `subregions` in the file documents the places; facets derive them from the countries.
  const {
    key: _key,
    original,
    otherPlaces,
    subregions: _subregions,
    results: _results,
    lessons: _lessons,
    ...rest
  } = seed;
  const data: PracticeInput = {
    ...rest,
    title: text(seed.title, original) as PracticeTextValue,
    summary: text(seed.summary, original) as PracticeTextValue,
    description: text(seed.description, original) as PracticeTextValue,
    otherPlaces,
  };
  const results = text(seed.results, original);
  const lessons = text(seed.lessons, original);
  if (results) data.results = results;
  if (lessons) data.lessons = lessons;
  return data;
}

/**
 * The practices the 2005 concept note describes (server/db/seed/data/practices.json: only what
 * the note states, French original, unofficial translations), published by the secretariat.
 * Idempotent by key; a practice the secretariat has since changed or removed is left as it is.
 */
export async function seedPractices(db: Kysely<DB>, audit: AuditContext): Promise<number> {
  const seeds = JSON.parse(
    readFileSync(new URL('../../db/seed/data/practices.json', import.meta.url), 'utf8'),
  ) as SeedPractice[];
  const known = await db.selectFrom('practice').select('seed_key').where('seed_key', 'is not', null).execute();
  const have = new Set(known.map((k) => k.seed_key));
  const ref = await referenceSets(db);
  let added = 0;
  for (const seed of seeds) {
    if (have.has(seed.key)) continue;
    const data = normalisePractice(seedPracticeInput(seed), ref);
    await db.transaction().execute(async (trx) => {
      const id = await createPractice(trx, audit, { member_state: null, organization_id: null }, data, seed.key);
      await reviewPractice(trx, audit, await practiceOr404(trx, id), { decision: 'publish' });
    });
    added++;
  }
  return added;
}
