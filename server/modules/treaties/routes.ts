import { Type } from 'typebox';
import {
  ImportResultSchema,
  InstrumentInputSchema,
  InstrumentListSchema,
  InstrumentPatchSchema,
  InstrumentSchema,
  MemberStateProfileSchema,
  TreatyStatusQuerySchema,
  TreatyStatusSchema,
  TreatyTimelineSchema,
} from '../../../shared/schemas/treaties.js';
import { authorize } from '../../auth/policy.js';
import { diff, writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { todayUtc } from './dates.js';
import { exportTreatyActions } from './export-actions.js';
import { concurrentWrite, importTreatyActions } from './import-actions.js';
import { actionRoutes } from './action-routes.js';
import { frameworkRoutes } from './framework-routes.js';
import { canEditTreaties, delegationAudience, seesContacts } from './policy.js';
import { memberStateProfile } from './profile.js';
import { findInstrument, instrumentOr404, listInstruments, presentInstrument } from './repository.js';
import { checkAsOf, treatyStatus, treatyTimeline } from './status.js';

const tags = ['treaties'];
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
const Iso3Params = Type.Object({ iso3: Type.String({ maxLength: 3 }) });
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/** Instruments, treaty actions and where each member state stood on any day; member-state profiles. */
export function treatyRoutes(app: App): void {
  // A CSV file arrives as the request body itself, as the command line sends it.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/treaties',
    {
      schema: {
        tags,
        summary:
          'The instruments followed (treaties and conventions), named in the requested language, the Trafficking Protocol first',
        querystring: LangQuery,
        response: { 200: InstrumentListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return { items: await listInstruments(app.db, lang) };
    },
  );

  app.post(
    '/api/treaties',
    {
      schema: {
        tags,
        summary: 'Add an instrument (secretariat)',
        querystring: LangQuery,
        body: InstrumentInputSchema,
        response: { 201: InstrumentSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'instrument.create', {
        type: 'instrument',
        id: request.body.code,
      });
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const input = request.body;
      checkInstrumentDates(input.adoptedOn ?? null, input.inForceOn ?? null);
      const row = await app.db
        .transaction()
        .execute(async (trx) => {
          if (await findInstrument(trx, input.code)) {
            throw new AppError('conflict', `An instrument "${input.code}" exists already.`);
          }
          const now = nowIso();
          await trx
            .insertInto('instrument')
            .values({
              code: input.code,
              name: json(input.name),
              short_name: json(input.shortName),
              adopted_on: input.adoptedOn ?? null,
              in_force_on: input.inForceOn ?? null,
              reference: input.reference?.trim() || null,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await writeAudit(trx, request.auditContext(role), {
            action: 'instrument.create',
            objectType: 'instrument',
            objectId: input.code,
            changes: diff({}, input),
          });
          return instrumentOr404(trx, input.code);
        })
        .catch(concurrentWrite);
      return reply.code(201).send(presentInstrument(row, lang, 0));
    },
  );

  app.patch(
    '/api/treaties/:code',
    {
      schema: {
        tags,
        summary: "Change an instrument's names, dates or reference (secretariat)",
        description:
          'An adoption date later than a recorded action of the instrument answers 422 `unprocessable`: correct the action first.',
        params: CodeParams,
        querystring: LangQuery,
        body: InstrumentPatchSchema,
        response: { 200: InstrumentSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'instrument.update', {
        type: 'instrument',
        id: request.params.code,
      });
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const p = request.body;
      const { row, count } = await app.db.transaction().execute(async (trx) => {
        const before = await instrumentOr404(trx, request.params.code);
        const next = {
          name: p.name ? json(p.name) : before.name,
          short_name: p.shortName ? json(p.shortName) : before.short_name,
          adopted_on: p.adoptedOn === undefined ? before.adopted_on : p.adoptedOn,
          in_force_on: p.inForceOn === undefined ? before.in_force_on : p.inForceOn,
          reference: p.reference === undefined ? before.reference : p.reference?.trim() || null,
        };
        checkInstrumentDates(next.adopted_on, next.in_force_on);
        if (next.adopted_on) {
          const early = await trx
            .selectFrom('treaty_action')
            .select(['member_state', 'date'])
            .where('instrument_code', '=', before.code)
            .where('latest', '<', next.adopted_on)
            .executeTakeFirst();
          if (early) {
            throw new AppError(
              'unprocessable',
              `${early.member_state}'s action of ${early.date} would be before the adoption date ${next.adopted_on}.`,
            );
          }
        }
        await trx
          .updateTable('instrument')
          .set({ ...next, updated_at: nowIso() })
          .where('code', '=', before.code)
          .execute();
        const { code: _c, created_at: _a, updated_at: _u, ...was } = before;
        void _c;
        void _a;
        void _u;
        await writeAudit(trx, request.auditContext(role), {
          action: 'instrument.update',
          objectType: 'instrument',
          objectId: before.code,
          changes: diff<Record<string, unknown>>(was, next),
        });
        const n = await trx
          .selectFrom('treaty_action')
          .select(trx.fn.countAll<string | number>().as('n'))
          .where('instrument_code', '=', before.code)
          .executeTakeFirstOrThrow();
        return { row: await instrumentOr404(trx, before.code), count: Number(n.n) };
      });
      return presentInstrument(row, lang, count);
    },
  );

  app.get(
    '/api/treaties/:code/status',
    {
      schema: {
        tags,
        summary: 'Where every member state stood on an instrument on a day: party, signatory, none or uncertain',
        description:
          'A state is a party from its ratification, accession, acceptance, approval, succession or consent; a signature alone makes it a signatory. When the only date known is a month or year that contains the day (and has not ended by it), the state is `uncertain`. Each row gives the action behind its status, with its source; `totals` count the rows. `asOf` defaults to today; a day in the future or before the instrument was adopted answers 400.',
        params: CodeParams,
        querystring: TreatyStatusQuerySchema,
        response: { 200: TreatyStatusSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const instrument = await instrumentOr404(app.db, request.params.code);
      const today = todayUtc();
      const asOf = request.query.asOf ?? today;
      checkAsOf(instrument, asOf, today);
      return treatyStatus(app.db, instrument, asOf, lang);
    },
  );

  app.get(
    '/api/treaties/:code/timeline',
    {
      schema: {
        tags,
        summary: 'The number of member states per status from each day it changed, until today',
        params: CodeParams,
        response: { 200: TreatyTimelineSchema, ...ProblemResponses },
      },
    },
    async (request) => treatyTimeline(app.db, await instrumentOr404(app.db, request.params.code), todayUtc()),
  );

  actionRoutes(app);

  app.get(
    '/api/treaty-actions.csv',
    {
      schema: {
        tags,
        summary: 'Every recorded action as CSV, in the import format (optionally one instrument)',
        description:
          'Columns `instrument,state,action,date,source,reservations`. Cells a spreadsheet would run as a formula start with a quote; the import drops it again.',
        querystring: Type.Object({ instrument: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.String(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const code = request.query.instrument;
      if (code) await instrumentOr404(app.db, code);
      const csv = await exportTreatyActions(app.db, code);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="treaty-actions${code ? `-${code}` : ''}.csv"`)
        .send(csv);
    },
  );

  app.post(
    '/api/treaty-actions/import',
    {
      schema: {
        tags,
        summary: 'Import treaty actions from CSV, all or nothing (secretariat)',
        description:
          'Body: `text/csv` with the columns `instrument,state,action,date,source` (and optionally `reservations`). Any problem refuses the whole file with 400 `validation_failed` and `errors` giving each `line` and column. A row like one recorded (same instrument, state, and signature or consent) replaces it; rows not in the file stay.',
        response: { 200: ImportResultSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canEditTreaties(request.actor), 'treaty_actions.import', {
        type: 'treaty_action',
      });
      if (typeof request.body !== 'string') {
        throw new AppError('unsupported_media_type', 'Send the file as the body, with Content-Type: text/csv.');
      }
      return importTreatyActions(app.db, request.auditContext(role), request.body);
    },
  );

  app.get(
    '/api/member-states/:iso3/profile',
    {
      schema: {
        tags,
        summary:
          "A member state's profile: each instrument with its status today and the actions behind it, with sources; its national framework and its delegations to meetings",
        description:
          'Delegations: the public sees announced meetings and, as in the public participant list, counts of accredited delegates who consented and the head of delegation if the head is one of them; the state’s focal point its whole accredited delegation; the secretariat every meeting. `practices`: the newest published practices that ran in the state or that its focal point submitted (`practiceCount`: all of them).',
        params: Iso3Params,
        querystring: LangQuery,
        response: { 200: MemberStateProfileSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const iso3 = request.params.iso3.toUpperCase();
      return memberStateProfile(
        app.db,
        iso3,
        lang,
        todayUtc(),
        seesContacts(request.actor),
        delegationAudience(request.actor, iso3),
      );
    },
  );

  frameworkRoutes(app);
}

function checkInstrumentDates(adopted: string | null, inForce: string | null): void {
  const errors: { path: string; message: string }[] = [];
  if (adopted && !isRealDay(adopted)) errors.push({ path: 'body/adoptedOn', message: 'is not a day of the calendar' });
  if (inForce && !isRealDay(inForce)) errors.push({ path: 'body/inForceOn', message: 'is not a day of the calendar' });
  if (adopted && inForce && inForce < adopted) {
    errors.push({ path: 'body/inForceOn', message: 'must not be before adoptedOn' });
  }
  if (adopted && adopted > todayUtc()) errors.push({ path: 'body/adoptedOn', message: 'is in the future' });
  if (errors.length) {
    throw new AppError('validation_failed', `${errors[0]?.path}: ${errors[0]?.message}`, { errors });
  }
}

const isRealDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
  new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
