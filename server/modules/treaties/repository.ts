import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { Instrument, TreatyAction, TreatyActionKind } from '../../../shared/schemas/treaties.js';
import { parseJson } from '../../db/json.js';
import { AppError } from '../../http/errors.js';
import type { DB, InstrumentTable, TreatyActionTable } from '../../db/schema.js';
import { SEED_INSTRUMENTS } from './instruments-seed.js';

export type Db = Kysely<DB> | Transaction<DB>;
export type InstrumentRow = Selectable<InstrumentTable>;
export type ActionRow = Selectable<TreatyActionTable>;
type Names = Record<Lang, string>;

export function instrumentNames(row: InstrumentRow): { name: Names; shortName: Names } {
  return {
    name: parseJson<Names>(row.name, 'instrument.name'),
    shortName: parseJson<Names>(row.short_name, 'instrument.short_name'),
  };
}

export function presentInstrument(row: InstrumentRow, lang: Lang, actionCount: number): Instrument {
  const { name, shortName } = instrumentNames(row);
  return {
    code: row.code,
    name: name[lang] || name.en,
    shortName: shortName[lang] || shortName.en,
    adoptedOn: row.adopted_on,
    inForceOn: row.in_force_on,
    reference: row.reference,
    actionCount,
  };
}

export function presentAction(row: ActionRow): TreatyAction {
  return {
    id: row.id,
    instrument: row.instrument_code,
    state: row.member_state,
    action: row.action as TreatyActionKind,
    date: row.date,
    precision: row.precision as TreatyAction['precision'],
    earliest: row.earliest,
    latest: row.latest,
    reservations: row.reservations,
    source: row.source,
  };
}

export const findInstrument = (db: Db, code: string) =>
  db.selectFrom('instrument').selectAll().where('code', '=', code).executeTakeFirst();

export async function instrumentOr404(db: Db, code: string): Promise<InstrumentRow> {
  const row = await findInstrument(db, code);
  if (!row) throw new AppError('not_found', `No instrument "${code}".`);
  return row;
}

export async function actionCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('treaty_action')
    .select(['instrument_code', db.fn.countAll<string | number>().as('n')])
    .groupBy('instrument_code')
    .execute();
  return new Map(rows.map((r) => [r.instrument_code, Number(r.n)]));
}

/** The seeded instruments in the order (the Trafficking Protocol first), then others by code. */
export async function orderedInstruments(db: Db): Promise<InstrumentRow[]> {
  const rows = await db.selectFrom('instrument').selectAll().orderBy('code').execute();
  const rank = (code: string) => {
    const i = SEED_INSTRUMENTS.findIndex((s) => s.code === code);
    return i === -1 ? SEED_INSTRUMENTS.length : i;
  };
  return rows.sort((a, b) => rank(a.code) - rank(b.code));
}

export async function listInstruments(db: Db, lang: Lang): Promise<Instrument[]> {
  const rows = await orderedInstruments(db);
  const counts = await actionCounts(db);
  return rows.map((r) => presentInstrument(r, lang, counts.get(r.code) ?? 0));
}

/** Actions in a stable order: instrument, state, then date (a signature before a consent on the same day). */
export function listActions(db: Db, filter: { instrument?: string; state?: string } = {}) {
  let q = db.selectFrom('treaty_action').selectAll();
  if (filter.instrument) q = q.where('instrument_code', '=', filter.instrument);
  if (filter.state) q = q.where('member_state', '=', filter.state);
  return q.orderBy('instrument_code').orderBy('member_state').orderBy('earliest').orderBy('binding').execute();
}

export async function memberStateNames(db: Db, lang: Lang): Promise<{ iso3: string; name: string }[]> {
  const rows = await db
    .selectFrom('member_state')
    .select(['iso3', 'name_en', 'name_es', 'name_fr', 'name_pt'])
    .execute();
  const collator = new Intl.Collator(lang);
  return rows.map((r) => ({ iso3: r.iso3, name: r[`name_${lang}`] })).sort((a, b) => collator.compare(a.name, b.name));
}
