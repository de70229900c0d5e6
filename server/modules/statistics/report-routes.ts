import { Type } from 'typebox';
import {
  ImportResultSchema,
  ReportInputSchema,
  ReportSchema,
  ReviewInputSchema,
} from '../../../shared/schemas/statistics.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { concurrentWrite } from '../treaties/import-actions.js';
import { canListReports, canReport, canReview, focalStates } from './policy.js';
import { listReports } from './report-list.js';
import { ReportListQuerySchema, ReportListSchema } from '../../../shared/schemas/statistics-report-list.js';
import { failLines, readReportCsv, readReportXlsx, reportTemplate, reportTemplateXlsx } from './report-file.js';
import { presentReport, reportOr404, reviewReport, saveDraft, submitReport } from './reports.js';
import { indicatorDefs, listIndicatorRows, stateOr404 } from './repository.js';
import { checkCells, personalKeys } from './validate.js';
import { FIRST_YEAR } from '../../../shared/schemas/statistics.js';

const tags = ['statistics'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Binary = Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' });
const ReportParams = Type.Object({
  iso3: Type.String({ maxLength: 3 }),
  year: Type.Integer({ minimum: FIRST_YEAR, maximum: 2100 }),
});

/** The reporting workflow: draft → submitted → validated, or returned with a comment. */
export function reportRoutes(app: App): void {
  /** The state of the URL, after the caller is known to act for it (a 403 says nothing of what exists). */
  const target = async (request: { params: { iso3: string; year: number } }) => {
    const iso3 = await stateOr404(app.db, request.params.iso3.toUpperCase());
    if (request.params.year > new Date().getUTCFullYear()) {
      throw new AppError('validation_failed', 'params/year: is in the future', {
        errors: [{ path: 'params/year', message: 'is in the future' }],
      });
    }
    return { iso3, year: request.params.year };
  };

  app.get(
    '/api/statistics/reports',
    {
      schema: {
        tags,
        summary: 'Reports by state and year, submitted ones first (the secretariat: all; a focal point: their state’s)',
        description:
          'The review queue and a focal point’s reporting years: status, revision and the number of figures of the current revision, without the figures themselves.',
        querystring: ReportListQuerySchema,
        response: { 200: ReportListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const state = q.state?.toUpperCase();
      const role = await authorize(request, canListReports(request.actor, state), 'stat_report.list', {
        type: 'stat_report',
      });
      // A focal point's list is narrowed to their states even when no state is asked for.
      const mine = role === 'focal_point' ? focalStates(request.actor) : null;
      const states = state ? (mine && !mine.includes(state) ? [] : [state]) : mine;
      return listReports(app.db, {
        states,
        status: q.status,
        year: q.year,
        page: q.page ?? 1,
        pageSize: q.pageSize ?? 100,
      });
    },
  );

  app.get(
    '/api/statistics/reports/:iso3/:year',
    {
      schema: {
        tags,
        summary: "A state's report for a year, with its history (the state's focal point, the secretariat)",
        description: '`revision` shows an earlier revision’s figures.',
        params: ReportParams,
        querystring: Type.Object({ revision: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }),
        response: { 200: ReportSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, canReport(request.actor, request.params.iso3.toUpperCase()), 'stat_report.read', {
        type: 'stat_report',
      });
      const { iso3, year } = await target(request);
      const report = await reportOr404(app.db, iso3, year);
      const revision = request.query.revision ?? report.revision;
      if (revision > report.revision) throw new AppError('not_found', `No revision ${revision}.`);
      return presentReport(app.db, report, revision);
    },
  );

  app.put(
    '/api/statistics/reports/:iso3/:year',
    {
      schema: {
        tags,
        summary: 'Save the draft figures of a report (the state’s focal point, the secretariat)',
        description:
          'Replaces the draft grid. Figures are aggregates: a count (0 or more) or `value: null` with `suppressedAtSource: true`. Anything that looks like a record about a person (a name, a date of birth, a case number) is refused. Problems answer 400 `validation_failed` with `errors` at `body/values/N/field`. A validated report opens a new revision; one under review answers 409.',
        params: ReportParams,
        body: ReportInputSchema,
        response: { 200: ReportSchema, ...ProblemResponses },
      },
      // Before the schema, so a personal field is named as such rather than as an unknown property.
      preValidation: async (request) => {
        const keys = personalKeys(request.body);
        if (keys.length) {
          const errors = keys.map((path) => ({
            path,
            reason: 'victim_level',
            message: 'looks like personal data; Continental takes aggregate figures only',
          }));
          throw new AppError('validation_failed', `${keys[0]}: ${errors[0]?.message}`, { errors });
        }
      },
    },
    async (request) => {
      const role = await authorize(
        request,
        canReport(request.actor, request.params.iso3.toUpperCase()),
        'stat_report.save',
        {
          type: 'stat_report',
        },
      );
      const { iso3, year } = await target(request);
      const report = await app.db
        .transaction()
        .execute(async (trx) => {
          const { errors, valid } = checkCells(
            request.body.values.map((cell, at) => ({ at, cell })),
            await indicatorDefs(trx),
          );
          if (errors.length) {
            const list = errors.map((e) => ({
              path: `body/values/${e.at}/${e.field}`,
              reason: e.reason,
              message: e.message,
            }));
            throw new AppError('validation_failed', `${list[0]?.path}: ${list[0]?.message}`, { errors: list });
          }
          return saveDraft(trx, request.auditContext(role), iso3, year, valid, 'saved');
        })
        // Two first saves of one report at once: the unique index refuses the second, told to retry.
        .catch(concurrentWrite);
      return presentReport(app.db, report);
    },
  );

  app.post(
    '/api/statistics/reports/:iso3/:year/import',
    {
      schema: {
        tags,
        summary: 'Replace the draft figures from a CSV or XLSX file built from the template, all or nothing',
        description:
          'Body: `text/csv` or an XLSX workbook (first sheet). Columns `indicator,dimension,category,value` and optionally `indicator_name,source,notes,provisional,estimate`; `dimension` `total` for the national total; an empty value is a figure not reported; `<5` is suppressed at source. Any problem refuses the file with 400 `validation_failed`, each at `line/N/column`.',
        params: ReportParams,
        response: { 200: ImportResultSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(
        request,
        canReport(request.actor, request.params.iso3.toUpperCase()),
        'stat_report.import',
        {
          type: 'stat_report',
        },
      );
      const { iso3, year } = await target(request);
      const body = request.body;
      const read =
        typeof body === 'string' ? readReportCsv(body) : Buffer.isBuffer(body) ? await readReportXlsx(body) : null;
      if (!read) throw new AppError('unsupported_media_type', 'Send the file as the body, as text/csv or XLSX.');
      return app.db
        .transaction()
        .execute(async (trx) => {
          const checked = checkCells(read.cells, await indicatorDefs(trx), read.unreadable);
          const errors = [...read.errors, ...checked.errors].sort((a, b) => a.at - b.at);
          if (errors.length) failLines(errors);
          await saveDraft(trx, request.auditContext(role), iso3, year, checked.valid, 'imported');
          return { rows: checked.valid.length, created: checked.valid.length, updated: 0, unchanged: 0 };
        })
        .catch(concurrentWrite);
    },
  );

  app.post(
    '/api/statistics/reports/:iso3/:year/submission',
    {
      schema: {
        tags,
        summary: 'Submit the report to the secretariat for validation (the state’s focal point, the secretariat)',
        params: ReportParams,
        response: { 200: ReportSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(
        request,
        canReport(request.actor, request.params.iso3.toUpperCase()),
        'stat_report.submit',
        {
          type: 'stat_report',
        },
      );
      const { iso3, year } = await target(request);
      const report = await app.db
        .transaction()
        .execute((trx) => submitReport(trx, request.auditContext(role), iso3, year));
      return presentReport(app.db, report);
    },
  );

  app.post(
    '/api/statistics/reports/:iso3/:year/review',
    {
      schema: {
        tags,
        summary: 'Validate a submitted report (its figures become public) or return it with a comment (secretariat)',
        params: ReportParams,
        body: ReviewInputSchema,
        response: { 200: ReportSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canReview(request.actor), 'stat_report.review', { type: 'stat_report' });
      const { iso3, year } = await target(request);
      const report = await app.db
        .transaction()
        .execute((trx) => reviewReport(trx, request.auditContext(role), iso3, year, request.body));
      return presentReport(app.db, report);
    },
  );

  app.get(
    '/api/statistics/report-template.csv',
    {
      schema: {
        tags,
        summary: 'A blank report to fill in: every indicator, its total and the categories of its breakdowns',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: Type.String(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="statistics-report-template.csv"')
        .send(reportTemplate(await listIndicatorRows(app.db), lang));
    },
  );

  app.get(
    '/api/statistics/report-template.xlsx',
    {
      schema: {
        tags,
        summary: 'The same blank report as an XLSX workbook',
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        response: { 200: { description: XLSX, content: { [XLSX]: { schema: Binary } } }, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="statistics-report-template.xlsx"')
        .send(await reportTemplateXlsx(await listIndicatorRows(app.db), lang));
    },
  );
}
