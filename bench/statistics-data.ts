/**
 * The statistics benchmark's data: validated state reports for every member state, year and
 * indicator with all its breakdowns, written straight into the tables in bulk (as the review
 * step leaves them: status validated, revision 1 published), so a million figures load in a
 * minute or two instead of going through a million validated API calls.
 *
 * `base`: 35 states × 20 years (2001–2020) × the framework's indicators and every breakdown
 * category (49 figures a report). `million`: the same plus synthetic indicators shaped like
 * "victims detected" (a total and 14 categories over four dimensions) until the figures reach
 * 1,000,000. Values are drawn so that many are small: suppression has work to do.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Breakdown, Breakdowns } from '../shared/schemas/statistics.js';
import type { DB, StatReportValueTable } from '../server/db/schema.js';
import { newId } from '../server/db/ids.js';
import { json } from '../server/db/json.js';
import { breakdownKey } from '../server/modules/statistics/repository.js';

export type Scale = 'base' | 'million';
export const YEARS = Array.from({ length: 20 }, (_, i) => 2001 + i);
const MILLION = 1_000_000;
// 12 columns a row: 2,500 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
const BATCH = 2500;

let seed = 7;
/** xorshift: the same figures on every run and both engines. */
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};

/** A national total: mostly small, sometimes a few hundred (random³ skews towards zero). */
const drawTotal = () => Math.floor(random() ** 3 * 600);

/** Splits a total over categories with random weights; the shares add up to the total exactly. */
function split(total: number, categories: number): number[] {
  const weights = Array.from({ length: categories }, () => random() ** 2);
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  shares[shares.length - 1]! += total - shares.reduce((s, v) => s + v, 0);
  return shares;
}

interface Def {
  code: string;
  breakdowns: Breakdowns;
}

/** Synthetic indicators shaped like victims detected, enough to bring the figures to a million. */
async function addSynthetic(db: Kysely<DB>, states: number, perReport: number): Promise<Def[]> {
  const template = await db
    .selectFrom('stat_indicator')
    .selectAll()
    .where('code', '=', 'victims_detected')
    .executeTakeFirstOrThrow();
  const breakdowns = JSON.parse(template.breakdowns) as Breakdowns;
  const cells = 1 + Object.values(breakdowns).reduce((s, c) => s + c.length, 0);
  const reports = states * YEARS.length;
  const count = Math.ceil((MILLION - reports * perReport) / (reports * cells));
  const now = new Date().toISOString();
  const defs: Def[] = [];
  const rows = [];
  for (let i = 1; i <= count; i++) {
    const code = `synthetic_${String(i).padStart(3, '0')}`;
    const name = `Synthetic indicator ${i}`;
    const texts = json({ en: name, es: name, fr: name, pt: name });
    rows.push({
      ...template,
      code,
      position: 1000 + i,
      name: texts,
      definition: texts,
      methodology: texts,
      created_at: now,
      updated_at: now,
    });
    defs.push({ code, breakdowns });
  }
  await db.insertInto('stat_indicator').values(rows).execute();
  return defs;
}

/** Writes the reports and their figures; returns how many figures. */
export async function generateStatistics(
  db: Kysely<DB>,
  scale: Scale,
): Promise<{ rows: number; indicators: string[] }> {
  const states = (await db.selectFrom('member_state').select('iso3').orderBy('iso3').execute()).map((s) => s.iso3);
  const real = (await db.selectFrom('stat_indicator').select(['code', 'breakdowns']).orderBy('position').execute()).map(
    (r) => ({ code: r.code, breakdowns: JSON.parse(r.breakdowns) as Breakdowns }),
  );
  const perReport = real.reduce((s, d) => s + 1 + Object.values(d.breakdowns).reduce((n, c) => n + c.length, 0), 0);
  const defs = scale === 'million' ? [...real, ...(await addSynthetic(db, states.length, perReport))] : real;

  const reports = [];
  for (const state of states) {
    for (const year of YEARS) {
      // A third of the states report late (after 30 June of the next year): the scorecard shows it.
      const submitted = `${year + 1}-${states.indexOf(state) % 3 === 0 ? '09' : '03'}-15T10:00:00.000Z`;
      reports.push({
        id: newId(),
        member_state: state,
        year,
        status: 'validated',
        revision: 1,
        published_revision: 1,
        first_submitted_at: submitted,
        submitted_at: submitted,
        validated_at: `${year + 1}-10-01T10:00:00.000Z`,
        review_comment: null,
        created_at: submitted,
        updated_at: submitted,
      });
    }
  }
  await db.insertInto('stat_report').values(reports).execute();

  let rows = 0;
  let batch: Insertable<StatReportValueTable>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch;
    batch = [];
    await db.insertInto('stat_report_value').values(values).execute();
  };
  for (const report of reports) {
    for (const def of defs) {
      const total = drawTotal();
      const cells: { breakdown: Breakdown; value: number }[] = [{ breakdown: {}, value: total }];
      for (const [dimension, categories] of Object.entries(def.breakdowns)) {
        split(total, categories.length).forEach((value, i) =>
          cells.push({ breakdown: { [dimension]: categories[i]! }, value }),
        );
      }
      for (const c of cells) {
        batch.push({
          id: newId(),
          report_id: report.id,
          revision: 1,
          indicator_code: def.code,
          breakdown_key: breakdownKey(c.breakdown),
          breakdown: json(c.breakdown),
          value: c.value,
          suppressed_at_source: 0,
          provisional: 0,
          estimate: 0,
          source: null,
          notes: null,
        });
        rows += 1;
        if (batch.length >= BATCH) await flush();
      }
    }
  }
  await flush();
  return { rows, indicators: defs.map((d) => d.code) };
}
