import type { ReportList } from '../../../shared/schemas/statistics-report-list.js';
import type { ReportStatus } from '../../../shared/schemas/statistics.js';
import type { Db } from './repository.js';

export interface ReportListFilter {
  /** null: every state (the secretariat); otherwise only these. */
  states: string[] | null;
  status?: ReportStatus;
  year?: number;
  page: number;
  pageSize: number;
}

/*
 * Reports waiting for the secretariat come first, the longest-waiting at the top; then the
 * returned ones, drafts and validated reports, newest year first. One query with the counts of
 * the current revision's figures, so the queue never loads a grid it does not show.
 */
export async function listReports(db: Db, filter: ReportListFilter): Promise<ReportList> {
  let query = db.selectFrom('stat_report');
  if (filter.states !== null) {
    if (filter.states.length === 0) return { items: [], page: filter.page, pageSize: filter.pageSize, total: 0 };
    query = query.where('stat_report.member_state', 'in', filter.states);
  }
  if (filter.status) query = query.where('stat_report.status', '=', filter.status);
  if (filter.year !== undefined) query = query.where('stat_report.year', '=', filter.year);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select((eb) => [
        'stat_report.member_state',
        'stat_report.year',
        'stat_report.revision',
        'stat_report.published_revision',
        'stat_report.status',
        'stat_report.submitted_at',
        'stat_report.validated_at',
        'stat_report.updated_at',
        eb
          .selectFrom('stat_report_value as v')
          .select((v) => v.fn.countAll<number | string>().as('n'))
          .whereRef('v.report_id', '=', 'stat_report.id')
          .whereRef('v.revision', '=', 'stat_report.revision')
          .as('values'),
        eb
          .selectFrom('stat_report_value as v')
          .select((v) => v.fn.count<number | string>('v.indicator_code').distinct().as('n'))
          .whereRef('v.report_id', '=', 'stat_report.id')
          .whereRef('v.revision', '=', 'stat_report.revision')
          .as('indicators'),
        eb
          .case()
          .when('stat_report.status', '=', 'submitted')
          .then(0)
          .when('stat_report.status', '=', 'returned')
          .then(1)
          .when('stat_report.status', '=', 'draft')
          .then(2)
          .else(3)
          .end()
          .as('rank'),
        // Only the queue is ordered by waiting time: other statuses have no submission to order by
        // (and the engines put nulls at opposite ends).
        eb
          .case()
          .when('stat_report.status', '=', 'submitted')
          .then(eb.ref('stat_report.submitted_at'))
          .else(null)
          .end()
          .as('waiting_since'),
      ])
      .orderBy('rank')
      .orderBy('waiting_since')
      .orderBy('stat_report.year', 'desc')
      .orderBy('stat_report.member_state')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return {
    items: rows.map((r) => ({
      state: r.member_state,
      year: r.year,
      revision: r.revision,
      publishedRevision: r.published_revision,
      status: r.status as ReportStatus,
      submittedAt: r.submitted_at,
      validatedAt: r.validated_at,
      updatedAt: r.updated_at,
      values: Number(r.values ?? 0),
      indicators: Number(r.indicators ?? 0),
    })),
    page: filter.page,
    pageSize: filter.pageSize,
    total: Number(total),
  };
}
