import type { Transaction } from 'kysely';
import type { Report, ReviewInput } from '../../../shared/schemas/statistics.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { presentCell, reportFor, reportValues, type Db } from './repository.js';
import type { ValidCell } from './validate.js';

type Trx = Transaction<DB>;
type ReportRow = NonNullable<Awaited<ReturnType<typeof reportFor>>>;

export async function presentReport(db: Db, row: ReportRow, revision = row.revision): Promise<Report> {
  const values = await reportValues(db, row.id, revision);
  const history = await db
    .selectFrom('stat_report_event')
    .select(['revision', 'action', 'role', 'comment', 'at'])
    .where('report_id', '=', row.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    state: row.member_state,
    year: row.year,
    status: row.status as Report['status'],
    revision,
    publishedRevision: row.published_revision,
    submittedAt: row.submitted_at,
    validatedAt: row.validated_at,
    reviewComment: row.review_comment,
    values: values.map(presentCell),
    history,
  };
}

async function event(
  trx: Trx,
  report: ReportRow,
  revision: number,
  action: string,
  role: string,
  comment = null as string | null,
) {
  await trx
    .insertInto('stat_report_event')
    .values({ id: newId(), report_id: report.id, revision, action, role, comment, at: nowIso() })
    .execute();
}

/**
 * Replaces the draft grid of a state-year report with checked cells. A report under review
 * cannot change; a validated one opens a new revision (the validated figures stay public until
 * the correction is validated in turn), so every published version is kept with its history.
 */
export async function saveDraft(
  trx: Trx,
  audit: AuditContext,
  iso3: string,
  year: number,
  cells: ValidCell[],
  how: 'saved' | 'imported',
): Promise<ReportRow> {
  const now = nowIso();
  let report = await reportFor(trx, iso3, year);
  if (!report) {
    await trx
      .insertInto('stat_report')
      .values({
        id: newId(),
        member_state: iso3,
        year,
        status: 'draft',
        revision: 1,
        published_revision: null,
        first_submitted_at: null,
        submitted_at: null,
        validated_at: null,
        review_comment: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    report = (await reportFor(trx, iso3, year))!;
  } else if (report.status === 'submitted') {
    throw new AppError('conflict', 'The report is with the secretariat for review; it can change once returned.');
  } else if (report.status === 'validated') {
    await trx
      .updateTable('stat_report')
      .set({ status: 'draft', revision: report.revision + 1, updated_at: now })
      .where('id', '=', report.id)
      .execute();
    report = (await reportFor(trx, iso3, year))!;
  }
  const before = (await reportValues(trx, report.id, report.revision)).length;
  await trx
    .deleteFrom('stat_report_value')
    .where('report_id', '=', report.id)
    .where('revision', '=', report.revision)
    .execute();
  const rows = cells.map((c) => ({
    id: newId(),
    report_id: report.id,
    revision: report.revision,
    indicator_code: c.indicator,
    breakdown_key: c.key,
    breakdown: json(c.breakdown),
    value: c.suppressedAtSource ? null : c.value,
    suppressed_at_source: c.suppressedAtSource ? 1 : 0,
    provisional: c.provisional ? 1 : 0,
    estimate: c.estimate ? 1 : 0,
    source: c.source?.trim() || null,
    notes: c.notes?.trim() || null,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('stat_report_value')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  await trx.updateTable('stat_report').set({ status: 'draft', updated_at: now }).where('id', '=', report.id).execute();
  await event(trx, report, report.revision, how, audit.role ?? 'public');
  await writeAudit(trx, audit, {
    action: `statistics.report_${how === 'saved' ? 'save' : 'import'}`,
    objectType: 'stat_report',
    objectId: `${iso3}/${year}`,
    changes: { values: { before, after: rows.length }, revision: { before: null, after: report.revision } },
  });
  return (await reportFor(trx, iso3, year))!;
}

export async function reportOr404(db: Db, iso3: string, year: number): Promise<ReportRow> {
  const r = await reportFor(db, iso3, year);
  if (!r) throw new AppError('not_found', `No statistical report of ${iso3} for ${year}.`);
  return r;
}

/** Sends a draft (or a returned report) to the secretariat; an empty report is not a report. */
export async function submitReport(trx: Trx, audit: AuditContext, iso3: string, year: number): Promise<ReportRow> {
  const report = await reportOr404(trx, iso3, year);
  if (report.status !== 'draft' && report.status !== 'returned') {
    throw new AppError('conflict', `The report is ${report.status}; only a draft or a returned report is submitted.`);
  }
  if ((await reportValues(trx, report.id, report.revision)).length === 0) {
    throw new AppError('unprocessable', 'The report has no figures yet.');
  }
  const now = nowIso();
  await trx
    .updateTable('stat_report')
    .set({
      status: 'submitted',
      submitted_at: now,
      first_submitted_at: report.first_submitted_at ?? now,
      updated_at: now,
    })
    .where('id', '=', report.id)
    .execute();
  await event(trx, report, report.revision, 'submitted', audit.role ?? 'public');
  await writeAudit(trx, audit, {
    action: 'statistics.report_submit',
    objectType: 'stat_report',
    objectId: `${iso3}/${year}`,
    changes: { status: { before: report.status, after: 'submitted' } },
  });
  return reportOr404(trx, iso3, year);
}

/** The secretariat validates a submitted report (it becomes public) or returns it with a comment. */
export async function reviewReport(
  trx: Trx,
  audit: AuditContext,
  iso3: string,
  year: number,
  input: ReviewInput,
): Promise<ReportRow> {
  const report = await reportOr404(trx, iso3, year);
  if (report.status !== 'submitted') {
    throw new AppError('conflict', `The report is ${report.status}; only a submitted report is reviewed.`);
  }
  const comment = input.comment?.trim() || null;
  if (input.decision === 'return' && !comment) {
    throw new AppError('validation_failed', 'body/comment: say what to correct', {
      errors: [{ path: 'body/comment', message: 'say what to correct', reason: 'required' }],
    });
  }
  const now = nowIso();
  const validated = input.decision === 'validate';
  await trx
    .updateTable('stat_report')
    .set({
      status: validated ? 'validated' : 'returned',
      review_comment: comment,
      ...(validated ? { published_revision: report.revision, validated_at: now } : {}),
      updated_at: now,
    })
    .where('id', '=', report.id)
    .execute();
  await event(trx, report, report.revision, validated ? 'validated' : 'returned', audit.role ?? 'public', comment);
  await writeAudit(trx, audit, {
    action: `statistics.report_${validated ? 'validate' : 'return'}`,
    objectType: 'stat_report',
    objectId: `${iso3}/${year}`,
    changes: { status: { before: report.status, after: validated ? 'validated' : 'returned' } },
  });
  return reportOr404(trx, iso3, year);
}
