/**
 * `npm run bench:practices`: the library's search at scale. Generates BENCH_PRACTICES (default
 * 100,000) published practices across the four languages on a fresh SQLite database (or the
 * DATABASE_URL given: point it at a scratch database), analysed and indexed as the app does,
 * then times, through the real routes in one process, two-word queries with one facet filter
 * and lookups by id, sequentially. Prints p50 and p99 of each. Target (library issue): search
 * p99 under 20 ms on SQLite at 100,000 practices; the exit status is 1 when it is missed.
 *
 * Texts are drawn from a vocabulary of real words per language with a Zipf-like frequency, so a
 * few words are common and most are rare, as in real prose.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LANGS, type Lang } from '../shared/lang.js';
import { EXPLOITATION_FORMS, TARGET_GROUPS, THEMES } from '../shared/schemas/practices.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/database.js';
import { newId } from '../server/db/ids.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { seedReference } from '../server/db/seed/seed.js';
import { analyse } from '../server/search/analyse.js';
import { tagLine } from '../server/search/index.js';

const COUNT = Number(process.env.BENCH_PRACTICES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 400);

const STEMS: Record<Lang, string> = {
  en: 'trafficking victims protection shelter children women migrants labour exploitation prosecution training police border cooperation awareness campaign community rural urban school health legal assistance repatriation return reintegration hotline network regional national research data survey evaluation prevention demand recruitment agency debt bondage domestic servitude begging organs fishing mining agriculture textile construction tourism online advertising judges prosecutors inspectors embassy consulate visa passport identity documents interpreter psychologist counselling housing employment microcredit vocational education radio television newspaper church municipality ministry parliament law reform protocol convention',
  es: 'trata víctimas protección refugio niños mujeres migrantes trabajo explotación enjuiciamiento capacitación policía frontera cooperación sensibilización campaña comunidad rural urbana escuela salud asistencia jurídica repatriación retorno reintegración línea red regional nacional investigación datos encuesta evaluación prevención demanda reclutamiento agencia deuda servidumbre doméstica mendicidad órganos pesca minería agricultura textil construcción turismo internet publicidad jueces fiscales inspectores embajada consulado visado pasaporte identidad documentos intérprete psicóloga orientación vivienda empleo microcrédito formación educación radio televisión periódico iglesia municipio ministerio congreso ley reforma protocolo convención',
  fr: 'traite victimes protection foyer enfants femmes migrants travail exploitation poursuites formation police frontière coopération sensibilisation campagne communauté rurale urbaine école santé assistance juridique rapatriement retour réintégration ligne réseau régional national recherche données enquête évaluation prévention demande recrutement agence dette servitude domestique mendicité organes pêche mines agriculture textile construction tourisme internet publicité juges procureurs inspecteurs ambassade consulat visa passeport identité documents interprète psychologue accompagnement logement emploi microcrédit professionnelle éducation radio télévision journal église municipalité ministère parlement loi réforme protocole convention',
  pt: 'tráfico vítimas proteção abrigo crianças mulheres migrantes trabalho exploração julgamento capacitação polícia fronteira cooperação sensibilização campanha comunidade rural urbana escola saúde assistência jurídica repatriação retorno reintegração linha rede regional nacional pesquisa dados inquérito avaliação prevenção demanda recrutamento agência dívida servidão doméstica mendicância órgãos pesca mineração agricultura têxtil construção turismo internet publicidade juízes promotores inspetores embaixada consulado visto passaporte identidade documentos intérprete psicóloga aconselhamento moradia emprego microcrédito profissional educação rádio televisão jornal igreja município ministério parlamento lei reforma protocolo convenção',
};
const VOCABULARY = Object.fromEntries(LANGS.map((l) => [l, STEMS[l].split(' ')])) as Record<Lang, string[]>;

let seed = 42;
const random = () => {
  // xorshift: the same data on every run and every engine.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
/** Zipf-like: low ranks much more often than high ones. */
const zipf = (list: string[]) => list[Math.min(list.length - 1, Math.floor(list.length * random() ** 2.2))] as string;
const sentence = (lang: Lang, words: number) => Array.from({ length: words }, () => zipf(VOCABULARY[lang])).join(' ');

// BENCH_DATA_DIR keeps the generated SQLite database between runs (generation takes minutes).
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'continental-bench-practices-'));
const config = { ...loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: '0' }), serveWeb: false };
const database = openDatabase(config);
await migrateToLatest(database.db);
await seedReference(database.db);
const states = (await database.db.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3);
const db = database.db;

const existing = Number(
  (
    await db
      .selectFrom('practice')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
if (existing !== 0 && existing !== COUNT) throw new Error(`the database holds ${existing} practices, not ${COUNT}`);
console.log(existing ? `reusing ${existing} practices` : `generating ${COUNT} practices on ${database.engine} …`);
const started = performance.now();
const BATCH = 250;
for (let done = existing; done < COUNT; done += BATCH) {
  await db.transaction().execute(async (trx) => {
    const practices = [];
    const revisions = [];
    const facets = [];
    const entries = [];
    for (let i = done; i < Math.min(COUNT, done + BATCH); i++) {
      const id = newId();
      const lang = LANGS[i % 4] as Lang;
      const title = sentence(lang, 5);
      const description = sentence(lang, 60);
      const summary = sentence(lang, 15);
      const country = pick(states);
      const year = String(2000 + Math.floor(random() * 25));
      const themes = [...new Set([pick(THEMES), pick(THEMES)])];
      const data = {
        title: { original: lang, values: { [lang]: { text: title, source: 'submitter' } } },
        summary: { original: lang, values: { [lang]: { text: summary, source: 'submitter' } } },
        description: { original: lang, values: { [lang]: { text: description, source: 'submitter' } } },
        themes,
        targetGroups: [pick(TARGET_GROUPS)],
        exploitationForms: [pick(EXPLOITATION_FORMS)],
        countries: [country],
        periodStart: year,
      };
      const at = new Date(Date.UTC(2005, 0, 1) + i * 60_000).toISOString();
      practices.push({
        id,
        seed_key: null,
        member_state: country,
        organization_id: null,
        owner_id: null,
        status: 'published',
        revision: 1,
        published_revision: 1,
        published_at: at,
        created_at: at,
        updated_at: at,
      });
      revisions.push({
        id: newId(),
        practice_id: id,
        number: 1,
        status: 'published',
        data: JSON.stringify(data),
        created_by: null,
        created_at: at,
        updated_at: at,
      });
      const tags = [
        ...themes.map((value) => ({ facet: 'theme', value })),
        { facet: 'targetGroup', value: data.targetGroups[0] as string },
        { facet: 'form', value: data.exploitationForms[0] as string },
        { facet: 'country', value: country },
        { facet: 'year', value: year },
      ];
      for (const t of tags) facets.push({ practice_id: id, ...t });
      entries.push({
        scope: 'practice',
        ref_id: id,
        lang,
        tags: tagLine('practice', lang, tags),
        sort_key: at,
        title: analyse(title, lang),
        body: analyse(`${summary}\n${description}`, lang),
        updated_at: at,
      });
    }
    await trx.insertInto('practice').values(practices).execute();
    await trx.insertInto('practice_revision').values(revisions).execute();
    await trx.insertInto('practice_facet').values(facets).execute();
    await trx.insertInto('search_entry').values(entries).execute();
  });
}
console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const app = await buildApp({ config, database, logger: false });
await app.ready();
const ids = (await db.selectFrom('practice').select('id').limit(QUERIES).execute()).map((r) => r.id);

async function time(label: string, urls: string[]) {
  for (const url of urls.slice(0, 20)) await app.inject({ url }); // warm-up
  const samples: number[] = [];
  let hits = 0;
  for (const url of urls) {
    const t0 = performance.now();
    const res = await app.inject({ url });
    samples.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    hits += (res.json() as { total?: number }).total ?? 1;
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  console.log(
    `${label.padEnd(34)} p50 ${at(0.5).toFixed(1).padStart(7)} ms   p99 ${at(0.99).toFixed(1).padStart(7)} ms   (mean results ${(hits / urls.length).toFixed(0)})`,
  );
  return at(0.99);
}

const queries = Array.from({ length: QUERIES }, () => {
  const lang = pick(LANGS);
  const q = `${zipf(VOCABULARY[lang])} ${zipf(VOCABULARY[lang])}`;
  return `/api/practices?q=${encodeURIComponent(q)}&lang=${lang}&theme=${pick(THEMES)}`;
});
const lookups = ids.map((id) => `/api/practices/${id}?lang=en`);
const byId = await time('lookup by id', lookups);
const search = await time('two words + one facet', queries);
const browse = await time(
  'one facet, no words',
  Array.from({ length: QUERIES }, () => `/api/practices?lang=en&theme=${pick(THEMES)}`),
);
console.log(
  `engine ${database.engine}, ${COUNT} practices; search p99 / lookup p99 = ${(search / byId).toFixed(1)}; browse p99 ${browse.toFixed(1)} ms`,
);
await app.close();
await database.close();
const target = 20;
if (database.engine === 'sqlite' && search > target) {
  console.log(`TARGET MISSED: search p99 ${search.toFixed(1)} ms > ${target} ms`);
  process.exitCode = 1;
}
