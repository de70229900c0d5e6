import { Type } from 'typebox';
import {
  AggregateQuerySchema,
  type Breakdowns,
  AggregateSchema,
  DataExportSchema,
  DataPageQuerySchema,
  DataQuerySchema,
  DataSchema,
  ImportResultSchema,
  IndicatorInputSchema,
  IndicatorListSchema,
  IndicatorPatchSchema,
  IndicatorSchema,
  ScorecardSchema,
} from '../../../shared/schemas/statistics.js';
import { authorize } from '../../auth/policy.js';
import { diff, writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { AppError } from '../../http/errors.js';
import { Issues } from '../editing/validation.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { csvLine } from '../treaties/csv.js';
import { importGlotip } from './glotip.js';
import { canKeepStatistics } from './policy.js';
import { DATA_PAGE_DEFAULT, dataPage, decodeDataCursor, publishedBatches } from './data-pages.js';
import { dataExport } from './data-export.js';
import { regionalData, type DataFilter } from './publish.js';
import { reportRoutes } from './report-routes.js';
import {
  indicatorCodes,
  indicatorColumns,
  indicatorOr404,
  listIndicatorRows,
  presentIndicator,
  stateOr404,
} from './repository.js';
import { scorecard } from './scorecard.js';

const tags = ['statistics'];
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const STATS_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The indicator framework, published statistics with suppression, GLOTIP imports and state reports. */
export function statisticsRoutes(app: App): void {
  // Encapsulated, so the file parsers and their limit apply to this module alone.
  void app.register(async (scope: App) => {
    if (scope.hasContentTypeParser('text/csv')) scope.removeContentTypeParser('text/csv');
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: STATS_IMPORT_MAX_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    scope.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: STATS_IMPORT_MAX_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    routes(scope);
    reportRoutes(scope);
  });
}

/** "total" names the national total in files and breakdowns, so no dimension or category may take it. */
function checkBreakdowns(breakdowns: Breakdowns | undefined): void {
  const issues = new Issues();
  for (const [d, categories] of Object.entries(breakdowns ?? {})) {
    if (d === 'total')
      issues.add('body/breakdowns/total', '"total" is the national total, not a dimension', 'reserved');
    if (categories.includes('total')) {
      issues.add(`body/breakdowns/${d}`, '"total" is the national total, not a category', 'reserved');
    }
  }
  issues.throwIfAny();
}

/** The filter with its indicator and state checked, and the indicators it covers. */
async function checkedFilter(
  app: App,
  q: { indicator?: string; state?: string; year?: number },
): Promise<{ filter: DataFilter; codes: string[] }> {
  const codes = q.indicator ? [(await indicatorOr404(app.db, q.indicator)).code] : await indicatorCodes(app.db);
  const state = q.state ? await stateOr404(app.db, q.state.toUpperCase()) : undefined;
  return { filter: { indicator: q.indicator, state, year: q.year }, codes };
}

function routes(app: App): void {
  const k = app.config.statsMinCell;

  app.get(
    '/api/statistics/indicators',
    {
      schema: {
        tags,
        summary: 'The indicator framework, in the requested language',
        querystring: LangQuery,
        response: { 200: IndicatorListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return { items: (await listIndicatorRows(app.db)).map((r) => presentIndicator(r, lang)) };
    },
  );

  app.post(
    '/api/statistics/indicators',
    {
      schema: {
        tags,
        summary: 'Add an indicator (secretariat)',
        querystring: LangQuery,
        body: IndicatorInputSchema,
        response: { 201: IndicatorSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const input = request.body;
      const role = await authorize(request, canKeepStatistics(request.actor), 'stat_indicator.create', {
        type: 'stat_indicator',
        id: input.code,
      });
      checkBreakdowns(input.breakdowns);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const row = await app.db.transaction().execute(async (trx) => {
        const now = nowIso();
        const last = await trx.selectFrom('stat_indicator').select(trx.fn.max('position').as('p')).executeTakeFirst();
        const inserted = await trx
          .insertInto('stat_indicator')
          .values({
            code: input.code,
            position: Number(last?.p ?? 0) + 1,
            ...indicatorColumns(input),
            created_at: now,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('code').doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
          throw new AppError('conflict', `An indicator "${input.code}" exists already.`);
        }
        await writeAudit(trx, request.auditContext(role), {
          action: 'stat_indicator.create',
          objectType: 'stat_indicator',
          objectId: input.code,
          changes: diff({}, input),
        });
        return indicatorOr404(trx, input.code);
      });
      return reply.code(201).send(presentIndicator(row, lang));
    },
  );

  app.patch(
    '/api/statistics/indicators/:code',
    {
      schema: {
        tags,
        summary: "Change an indicator's texts, unit, breakdowns or additivity (secretariat)",
        description: 'Figures already reported keep their breakdowns; the new ones apply to what is saved next.',
        params: CodeParams,
        querystring: LangQuery,
        body: IndicatorPatchSchema,
        response: { 200: IndicatorSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canKeepStatistics(request.actor), 'stat_indicator.update', {
        type: 'stat_indicator',
        id: request.params.code,
      });
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      checkBreakdowns(request.body.breakdowns);
      const row = await app.db.transaction().execute(async (trx) => {
        const before = await indicatorOr404(trx, request.params.code);
        const next = Object.fromEntries(
          Object.entries(
            indicatorColumns({
              name: JSON.parse(before.name),
              definition: JSON.parse(before.definition),
              methodology: JSON.parse(before.methodology),
              unit: before.unit,
              breakdowns: JSON.parse(before.breakdowns),
              additive: before.additive === 1,
              ...request.body,
            }),
          ),
        ) as ReturnType<typeof indicatorColumns>;
        await trx
          .updateTable('stat_indicator')
          .set({ ...next, updated_at: nowIso() })
          .where('code', '=', before.code)
          .execute();
        const { code: _c, position: _p, created_at: _a, updated_at: _u, ...was } = before;
        void _c;
        void _p;
        void _a;
        void _u;
        await writeAudit(trx, request.auditContext(role), {
          action: 'stat_indicator.update',
          objectType: 'stat_indicator',
          objectId: before.code,
          changes: diff<Record<string, unknown>>(was, next),
        });
        return indicatorOr404(trx, before.code);
      });
      return presentIndicator(row, lang);
    },
  );

  app.get(
    '/api/statistics/data',
    {
      schema: {
        tags,
        summary: 'Published figures: validated state reports with suppression applied, and public sources as published',
        description: `Never a draft or a report under review. In state-reported tables (state × year × indicator × dimension) a count between 1 and k − 1 is hidden (\`value: null\`, \`suppressed: true\`, \`shownAs: "<k"\`), and other cells are hidden so that none can be worked out from the total; zero stays visible. Figures from an already-public source (\`origin: public_source\`, e.g. UNODC GLOTIP) are shown as that source published them. A national total has an empty \`breakdown\`. Paged by whole tables in the order indicator, state, year: pass \`nextCursor\` back as \`cursor\` until it is null; a page holds at most \`limit\` rows unless a single table is larger.`,
        querystring: DataPageQuerySchema,
        response: { 200: DataSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      // The cursor first: a forged one is refused before any lookup.
      const cursor = request.query.cursor ? decodeDataCursor(request.query.cursor) : null;
      const { filter, codes } = await checkedFilter(app, request.query);
      const limit = request.query.limit ?? DATA_PAGE_DEFAULT;
      return { ...(await dataPage(app.db, filter, k, limit, cursor, codes)), minCell: k };
    },
  );

  for (const format of ['csv', 'json'] as const) {
    app.get(
      `/api/statistics/data.${format}`,
      {
        schema: {
          tags,
          summary: `Download the published figures as ${format.toUpperCase()}, suppression applied`,
          description: 'Every figure matching the filters, unpaged, streamed as it is read.',
          querystring: DataQuerySchema,
          response: { 200: format === 'csv' ? Type.String() : DataExportSchema, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const { filter, codes } = await checkedFilter(app, request.query);
        reply.header('content-disposition', `attachment; filename="statistics.${format}"`);
        reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
        const body = dataExport(format, publishedBatches(app.db, filter, k, codes), k, csvLine);
        // A stream is sent as is: the typed reply only knows the schema's body, which it documents.
        return reply.send(body as unknown as string);
      },
    );
  }

  app.get(
    '/api/statistics/aggregates',
    {
      schema: {
        tags,
        summary: 'Subregional or hemispheric figures from validated state reports, suppressed by the same rule',
        description:
          '`region`: `hemisphere` (default) or a subregion (`north_america`, `central_america`, `caribbean`, `south_america`). A regional figure sums the states that reported it (`states`); public-source figures, already rounded by their own suppression, are not summed.',
        querystring: AggregateQuerySchema,
        response: { 200: AggregateSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { indicator, year } = request.query;
      const region = request.query.region ?? 'hemisphere';
      await indicatorOr404(app.db, indicator);
      let q = app.db.selectFrom('member_state').select('iso3');
      if (region !== 'hemisphere') q = q.where('subregion', '=', region);
      const states = (await q.execute()).map((s) => s.iso3);
      if (states.length === 0) throw new AppError('not_found', `No region "${region}".`);
      return { indicator, year, region, ...(await regionalData(app.db, indicator, year, states, k)) };
    },
  );

  app.get(
    '/api/statistics/scorecard/:iso3/:year',
    {
      schema: {
        tags,
        summary:
          "A state's reporting and trends for a year: indicators reported, on time, validated; changes; conviction ratio",
        params: Type.Object({
          iso3: Type.String({ maxLength: 3 }),
          year: Type.Integer({ minimum: 1900, maximum: 2200 }),
        }),
        querystring: LangQuery,
        response: { 200: ScorecardSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const iso3 = await stateOr404(app.db, request.params.iso3.toUpperCase());
      return scorecard(app.db, iso3, request.params.year, k);
    },
  );

  app.post(
    '/api/statistics/glotip/import',
    {
      schema: {
        tags,
        summary: 'Load a UNODC GLOTIP long-format file, all or nothing (secretariat)',
        description:
          'Body: `text/csv`. Figures are kept as published (`<5` stays suppressed at source; `1,282` is 1282), labelled with the source and import date. Importing the same file again changes nothing. Any bad line refuses the file with 400 `validation_failed` and `errors` by line.',
        response: { 200: ImportResultSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canKeepStatistics(request.actor), 'statistics.glotip_import', {
        type: 'stat_public_value',
      });
      if (typeof request.body !== 'string') {
        throw new AppError('unsupported_media_type', 'Send the file as the body, with Content-Type: text/csv.');
      }
      return importGlotip(app.db, request.auditContext(role), request.body);
    },
  );
}
