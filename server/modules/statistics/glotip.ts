import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Breakdown, ImportResult } from '../../../shared/schemas/statistics.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { CsvSyntaxError, parseCsv } from '../treaties/csv.js';
import { concurrentWrite } from '../treaties/import-actions.js';
import { breakdownKey } from './repository.js';

/** The label every GLOTIP figure carries, with its import date. */
export const GLOTIP_SOURCE = 'UNODC Global Report on Trafficking in Persons (GLOTIP) data';
const COLUMNS = ['iso3_code', 'indicator', 'dimension', 'category', 'sex', 'age', 'year', 'txtvalue'] as const;
const MAX_REPORTED = 200;

/** GLOTIP indicators → the framework's; "brought into formal contact" is UNODC's word for suspects. */
const INDICATORS: Record<string, string> = {
  'Detected trafficking victims': 'victims_detected',
  'Persons prosecuted': 'persons_prosecuted',
  'Persons convicted': 'persons_convicted',
  'Persons brought into formal contact': 'persons_investigated',
  'Offences of trafficking in persons': 'offences_recorded',
};
const SEX: Record<string, string | null> = {
  Total: null,
  Female: 'female',
  Male: 'male',
  Other: 'other',
  Unknown: 'unknown',
};
const AGE: Record<string, string | null> = {
  Total: null,
  '0 to 17 years': 'child',
  '18 years or over': 'adult',
  Unknown: 'unknown',
};
const EXPLOITATION: Record<string, string> = {
  'Sexual exploitation': 'sexual',
  'Forced labour': 'forced_labour',
  'Other forms of exploitation': 'other',
};
/*
 * Citizenship and country of repatriation come as free text (country names in several languages);
 * they are kept as published, under their own dimensions, rather than guessed into national/foreign.
 */
const FREE_DIMENSIONS: Record<string, string> = {
  'by citizenship': 'citizenship_as_published',
  'by country of repatriation': 'repatriation_as_published',
};

export interface GlotipRow {
  line: number;
  state: string;
  year: number;
  indicator: string;
  breakdown: Breakdown;
  value: number | null;
  shownAs: string | null;
}

interface LineError {
  line: number;
  column: string | null;
  message: string;
}

function fail(errors: LineError[]): never {
  const first = errors[0];
  throw new AppError(
    'validation_failed',
    `${errors.length} problem(s); nothing was imported. First: line ${first?.line}: ${first?.message}`,
    {
      errors: errors
        .slice(0, MAX_REPORTED)
        .map((e) => ({ path: `line/${e.line}${e.column ? `/${e.column}` : ''}`, ...e })),
    },
  );
}

/** "1,282" → 1282; "<5" → suppressed at source; anything else is an error. */
export function glotipValue(text: string): { value: number | null; shownAs: string | null } | null {
  const t = text.trim();
  if (/^<\s*\d+$/.test(t)) return { value: null, shownAs: t.replace(/\s/g, '') };
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(t)) return { value: Number(t.replace(/,/g, '')), shownAs: null };
  return null;
}

/** Reads a GLOTIP long-format file into framework rows; any bad line refuses the whole file. */
export function readGlotip(text: string, states: Set<string>): GlotipRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) fail([{ line: err.line, column: null, message: err.message }]);
    throw err;
  }
  const [header, ...rest] = records;
  const columns = (header?.fields ?? []).map((f) => f.trim().toLowerCase());
  const missing = COLUMNS.filter((c) => !columns.includes(c));
  if (!header || missing.length) fail([{ line: 1, column: null, message: `missing column(s): ${missing.join(', ')}` }]);
  if (rest.length === 0) fail([{ line: 2, column: null, message: 'the file has a header but no rows' }]);
  const errors: LineError[] = [];
  const rows: GlotipRow[] = [];
  for (const r of rest) {
    const v = Object.fromEntries(columns.map((c, i) => [c, (r.fields[i] ?? '').trim()]));
    const bad = (column: string, message: string) => errors.push({ line: r.line, column, message });
    const before = errors.length;
    const state = v.iso3_code ?? '';
    if (!states.has(state)) bad('Iso3_code', `"${state}" is not an OAS member state`);
    const indicator = INDICATORS[v.indicator ?? ''];
    if (!indicator) bad('Indicator', `unknown GLOTIP indicator "${v.indicator}"`);
    const year = Number(v.year);
    if (!/^\d{4}$/.test(v.year ?? '')) bad('Year', `"${v.year}" is not a year`);
    const value = glotipValue(v.txtvalue ?? '');
    if (!value) bad('txtVALUE', `"${v.txtvalue}" is not a count, a count with thousands separators, or "<5"`);
    const breakdown: Breakdown = {};
    const dimension = v.dimension ?? '';
    if (dimension === 'by form of exploitation') {
      const e = EXPLOITATION[v.category ?? ''];
      if (e) breakdown.exploitation = e;
      else bad('Category', `unknown form of exploitation "${v.category}"`);
    } else if (FREE_DIMENSIONS[dimension]) {
      breakdown[FREE_DIMENSIONS[dimension]] = v.category ?? '';
    } else if (dimension !== 'Total') bad('Dimension', `unknown dimension "${dimension}"`);
    const sex = SEX[v.sex ?? ''];
    if (sex === undefined) bad('Sex', `unknown sex "${v.sex}"`);
    else if (sex) breakdown.sex = sex;
    const age = AGE[v.age ?? ''];
    if (age === undefined) bad('Age', `unknown age "${v.age}"`);
    else if (age) breakdown.age = age;
    if (errors.length > before || !indicator || !value) continue;
    rows.push({ line: r.line, state, year, indicator, breakdown, ...value });
  }
  if (errors.length) fail(errors);
  return rows;
}

/**
 * Loads a GLOTIP file as published, all or nothing. A cell the file repeats keeps each of its
 * rows, numbered in file order, so importing the same file again matches every row and changes
 * nothing; a figure the source changed is updated, keeping its first import date.
 */
export async function importGlotip(db: Kysely<DB>, audit: AuditContext, text: string): Promise<ImportResult> {
  return db
    .transaction()
    .execute((trx) => applyGlotip(trx, audit, text))
    .catch(concurrentWrite);
}

export async function applyGlotip(trx: Transaction<DB>, audit: AuditContext, text: string): Promise<ImportResult> {
  const states = new Set((await trx.selectFrom('member_state').select('iso3').execute()).map((s) => s.iso3));
  const rows = readGlotip(text, states);
  const existing = new Map(
    (await trx.selectFrom('stat_public_value').selectAll().where('source', '=', GLOTIP_SOURCE).execute()).map((r) => [
      `${r.member_state}|${r.year}|${r.indicator_code}|${r.breakdown_key}|${r.seq}`,
      r,
    ]),
  );
  const seq = new Map<string, number>();
  const result: ImportResult = { rows: rows.length, created: 0, updated: 0, unchanged: 0 };
  const now = nowIso();
  const inserts = [];
  for (const r of rows) {
    const cell = `${r.state}|${r.year}|${r.indicator}|${breakdownKey(r.breakdown)}`;
    const n = (seq.get(cell) ?? 0) + 1;
    seq.set(cell, n);
    const before = existing.get(`${cell}|${n}`);
    if (!before) {
      inserts.push({
        id: newId(),
        source: GLOTIP_SOURCE,
        member_state: r.state,
        year: r.year,
        indicator_code: r.indicator,
        breakdown_key: breakdownKey(r.breakdown),
        seq: n,
        breakdown: json(r.breakdown),
        value: r.value,
        shown_as: r.shownAs,
        imported_at: now,
      });
      result.created += 1;
    } else if (before.value !== r.value || before.shown_as !== r.shownAs) {
      await trx
        .updateTable('stat_public_value')
        .set({ value: r.value, shown_as: r.shownAs })
        .where('id', '=', before.id)
        .execute();
      result.updated += 1;
    } else result.unchanged += 1;
  }
  // Batches keep a 6,000-row file to a few statements (PostgreSQL allows 65,535 parameters).
  for (let i = 0; i < inserts.length; i += 500) {
    await trx
      .insertInto('stat_public_value')
      .values(inserts.slice(i, i + 500))
      .execute();
  }
  await writeAudit(trx, audit, {
    action: 'statistics.glotip_import',
    objectType: 'stat_public_value',
    objectId: createHash('sha256').update(text).digest('hex').slice(0, 16),
    changes: {
      created: { before: null, after: result.created },
      updated: { before: null, after: result.updated },
    },
  });
  return result;
}
