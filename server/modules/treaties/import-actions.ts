import type { Kysely, Transaction } from 'kysely';
import type { ImportResult } from '../../../shared/schemas/treaties.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { CsvSyntaxError, parseCsv, undefuse } from './csv.js';
import { todayUtc } from './dates.js';
import { constraintViolation } from '../users/constraints.js';
import { actionKey, validateAction, validationContext, type ValidAction } from './validate.js';

export const IMPORT_COLUMNS = ['instrument', 'state', 'action', 'date', 'source'] as const;
const OPTIONAL_COLUMNS = ['reservations'] as const;
export const IMPORT_MAX_ROWS = 20_000;
/** Enough to fix a file in one round without flooding the answer. */
const MAX_REPORTED = 200;

/** A problem on one line (and column) of the file; `reason` and its parameters as in FieldIssue. */
export interface LineError {
  line: number;
  column: string | null;
  reason: string;
  message: string;
  value?: string;
  adopted?: string;
  max?: number;
  earlier?: number;
  count?: number;
  expected?: number;
}

function fail(errors: LineError[]): never {
  const first = errors[0];
  throw new AppError(
    'validation_failed',
    `${errors.length} problem(s); nothing was imported. First: line ${first?.line}${first?.column ? `, ${first.column}` : ''}: ${first?.message}`,
    {
      errors: errors.slice(0, MAX_REPORTED).map(({ column, ...e }) => ({
        path: `line/${e.line}${column ? `/${column}` : ''}`,
        ...e,
      })),
    },
  );
}

/** Reads and checks a whole file; any problem anywhere refuses all of it, with every problem by line. */
export function readImportFile(text: string): {
  line: number;
  values: Record<string, string>;
  shape: { reason: string; count: number; expected: number; message: string } | null;
}[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      fail([{ line: err.line, column: null, reason: 'unclosed_quote', message: err.message }]);
    throw err;
  }
  const [header, ...rows] = records;
  if (!header) fail([{ line: 1, column: null, reason: 'empty', message: 'the file is empty' }]);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const errors: LineError[] = [];
  const missing = IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    const value = missing.join(', ');
    errors.push({ line: 1, column: null, reason: 'missing_columns', value, message: `missing column(s): ${value}` });
  }
  const known: readonly string[] = [...IMPORT_COLUMNS, ...OPTIONAL_COLUMNS];
  const unknown = columns.filter((c) => !known.includes(c));
  if (unknown.length) {
    const value = unknown.join(', ');
    errors.push({ line: 1, column: null, reason: 'unknown_columns', value, message: `unknown column(s): ${value}` });
  }
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length) {
    const value = repeated.join(', ');
    errors.push({ line: 1, column: null, reason: 'repeated_columns', value, message: `repeated column(s): ${value}` });
  }
  if (errors.length) fail(errors);
  if (rows.length === 0)
    fail([{ line: 2, column: null, reason: 'no_rows', message: 'the file has a header but no rows' }]);
  if (rows.length > IMPORT_MAX_ROWS) {
    fail([
      {
        line: 1,
        column: null,
        reason: 'too_many_rows',
        max: IMPORT_MAX_ROWS,
        message: `at most ${IMPORT_MAX_ROWS} rows per file (this one has ${rows.length})`,
      },
    ]);
  }
  // Rows with the wrong number of fields are reported with the others, not checked further.
  return rows.map((r) => ({
    line: r.line,
    values: Object.fromEntries(columns.map((c, i) => [c, undefuse(r.fields[i] ?? '')])),
    shape:
      r.fields.length === columns.length
        ? null
        : {
            reason: 'field_count',
            count: r.fields.length,
            expected: columns.length,
            message: `${r.fields.length} field(s) where the header has ${columns.length}`,
          },
  }));
}

/**
 * Imports treaty actions from CSV (`instrument,state,action,date,source[,reservations]`),
 * all or nothing. A row like one already recorded (same instrument, state and kind: signature
 * or act of consent) replaces it when it differs and is counted unchanged when it does not, so
 * importing an export again changes nothing. Rows recorded but absent from the file stay.
 */
export async function importTreatyActions(
  db: Kysely<DB>,
  audit: AuditContext,
  text: string,
  today = todayUtc(),
): Promise<ImportResult> {
  const rows = readImportFile(text);
  return db
    .transaction()
    .execute((trx) => applyImport(trx, audit, rows, today))
    .catch(concurrentWrite);
}

/**
 * Two writers can both find an action missing and both insert it; the unique index refuses the
 * second, which is told to try again (its retry finds the row) rather than answered 500.
 */
export function concurrentWrite(err: unknown): never {
  if (constraintViolation(err) === 'unique') {
    throw new AppError('conflict', 'Another change to the same actions was saved at the same time; send it again.');
  }
  throw err;
}

/** Checks and writes rows already read from a file, inside the caller's transaction. */
export async function applyImport(
  trx: Transaction<DB>,
  audit: AuditContext,
  rows: ReturnType<typeof readImportFile>,
  today: string,
): Promise<ImportResult> {
  {
    const ctx = await validationContext(trx, today);
    const errors: LineError[] = [];
    const valid: ValidAction[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      if (row.shape) {
        errors.push({ line: row.line, column: null, ...row.shape });
        continue;
      }
      const v = row.values;
      const checked = validateAction(
        {
          instrument: v.instrument ?? '',
          state: v.state ?? '',
          action: v.action ?? '',
          date: v.date ?? '',
          source: v.source ?? '',
          reservations: v.reservations ?? null,
        },
        ctx,
      );
      if (!checked.ok) {
        for (const { field, ...e } of checked.errors) errors.push({ line: row.line, column: field, ...e });
        continue;
      }
      const key = actionKey(checked.value);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        const what = checked.value.binding ? 'an act of consent' : 'a signature';
        errors.push({
          line: row.line,
          column: 'action',
          reason: 'duplicate',
          earlier,
          message: `duplicate: line ${earlier} already gives ${what} of ${checked.value.state} to ${checked.value.instrument}`,
        });
        continue;
      }
      seen.set(key, row.line);
      valid.push(checked.value);
    }
    if (errors.length) fail(errors);

    const existing = new Map(
      (await trx.selectFrom('treaty_action').selectAll().execute()).map((r) => [
        actionKey({ instrument: r.instrument_code, state: r.member_state, binding: r.binding }),
        r,
      ]),
    );
    const result: ImportResult = { rows: valid.length, created: 0, updated: 0, unchanged: 0 };
    const now = nowIso();
    for (const a of valid) {
      const fields = {
        action: a.action,
        date: a.date,
        precision: a.precision,
        earliest: a.earliest,
        latest: a.latest,
        reservations: a.reservations,
        source: a.source,
      };
      const before = existing.get(actionKey(a));
      if (!before) {
        await trx
          .insertInto('treaty_action')
          .values({
            id: newId(),
            instrument_code: a.instrument,
            member_state: a.state,
            binding: a.binding,
            ...fields,
            created_at: now,
            updated_at: now,
          })
          .execute();
        result.created += 1;
      } else if (
        before.action !== a.action ||
        before.date !== a.date ||
        before.source !== a.source ||
        before.reservations !== a.reservations
      ) {
        await trx
          .updateTable('treaty_action')
          .set({ ...fields, updated_at: now })
          .where('id', '=', before.id)
          .execute();
        result.updated += 1;
      } else result.unchanged += 1;
    }
    await writeAudit(trx, audit, {
      action: 'treaty_actions.import',
      objectType: 'treaty_action',
      changes: {
        created: { before: null, after: result.created },
        updated: { before: null, after: result.updated },
      },
    });
    return result;
  }
}
