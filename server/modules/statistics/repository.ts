import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type {
  Breakdown,
  Breakdowns,
  Indicator,
  IndicatorInput,
  StoredCell,
  Texts,
} from '../../../shared/schemas/statistics.js';
import { json, parseJson } from '../../db/json.js';
import type { DB, StatIndicatorTable, StatReportValueTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

export type Db = Kysely<DB> | Transaction<DB>;
export type IndicatorRow = Selectable<StatIndicatorTable>;

/** Everything about an indicator the checks need, parsed once. */
export interface IndicatorDef {
  code: string;
  breakdowns: Breakdowns;
  additive: boolean;
}

/** The canonical form of a breakdown: dimensions sorted, '' for the national total. */
export function breakdownKey(b: Breakdown): string {
  return Object.keys(b)
    .sort()
    .map((d) => `${d}=${b[d]}`)
    .join(';');
}

export function indicatorDef(row: IndicatorRow): IndicatorDef {
  return {
    code: row.code,
    breakdowns: parseJson<Breakdowns>(row.breakdowns, 'stat_indicator.breakdowns'),
    additive: row.additive === 1,
  };
}

export function presentIndicator(row: IndicatorRow, lang: Lang): Indicator {
  const text = (raw: string, column: string) => {
    const t = parseJson<Texts>(raw, column);
    return t[lang] || t.en;
  };
  const def = indicatorDef(row);
  return {
    code: row.code,
    name: text(row.name, 'stat_indicator.name'),
    definition: text(row.definition, 'stat_indicator.definition'),
    methodology: text(row.methodology, 'stat_indicator.methodology'),
    unit: row.unit,
    breakdowns: def.breakdowns,
    additive: def.additive,
  };
}

export const indicatorColumns = (i: Omit<IndicatorInput, 'code'>) => ({
  name: json(i.name),
  definition: json(i.definition),
  methodology: json(i.methodology),
  unit: i.unit,
  breakdowns: json(i.breakdowns),
  additive: i.additive ? 1 : 0,
});

export const listIndicatorRows = (db: Db) =>
  db.selectFrom('stat_indicator').selectAll().orderBy('position').orderBy('code').execute();

/** The indicators' codes alone, in the framework's order. */
export const indicatorCodes = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('stat_indicator').select('code').orderBy('position').orderBy('code').execute()).map(
    (r) => r.code,
  );

export async function indicatorDefs(db: Db): Promise<Map<string, IndicatorDef>> {
  return new Map((await listIndicatorRows(db)).map((r) => [r.code, indicatorDef(r)]));
}

export async function indicatorOr404(db: Db, code: string): Promise<IndicatorRow> {
  const row = await db.selectFrom('stat_indicator').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No indicator "${code}".`);
  return row;
}

export async function stateOr404(db: Db, iso3: string): Promise<string> {
  const row = await db.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  if (!row) throw new AppError('not_found', `No member state "${iso3}".`);
  return row.iso3;
}

export const reportFor = (db: Db, iso3: string, year: number) =>
  db.selectFrom('stat_report').selectAll().where('member_state', '=', iso3).where('year', '=', year).executeTakeFirst();

export function presentCell(r: Selectable<StatReportValueTable>): StoredCell {
  return {
    indicator: r.indicator_code,
    breakdown: parseJson<Breakdown>(r.breakdown, 'stat_report_value.breakdown'),
    value: r.value,
    suppressedAtSource: r.suppressed_at_source === 1,
    provisional: r.provisional === 1,
    estimate: r.estimate === 1,
    source: r.source,
    notes: r.notes,
  };
}

export const reportValues = (db: Db, reportId: string, revision: number) =>
  db
    .selectFrom('stat_report_value')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('revision', '=', revision)
    .orderBy('indicator_code')
    .orderBy('breakdown_key')
    .execute();
