import { Type } from 'typebox';
import {
  CheckInInputSchema,
  CheckInResultSchema,
  ParticipationStatisticsSchema,
  RosterSchema,
  type Category,
} from '../../../shared/schemas/participation.js';
import { authorize } from '../../auth/policy.js';
import { writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { SlugParams } from '../meeting/routes.js';
import { canAdminister } from '../participation/policy.js';
import { delegationName, loadNames } from '../participation/presenter.js';
import { meetingOr404 } from '../participation/routes.js';
import { participationStatistics } from './statistics.js';

const tags = ['participation'];
const LangQuery = Type.Object({ lang: Type.Optional(Type.String()) });
/** Scans queued offline are accepted this long after they happened; older ones are not believed. */
const OFFLINE_WINDOW_MS = 24 * 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/** The registration desk: check-in by badge code or by registration, the roster for offline use, live counts. */
export function checkInRoutes(app: App): void {
  app.post(
    '/api/meetings/:slug/check-ins',
    {
      schema: {
        tags,
        summary: 'Check a person in by badge code (or registration id); once only',
        description:
          'An accredited person is marked present once; a second scan answers 200 with `alreadyCheckedIn: true` and the first time. Scans made offline send `scannedAt` (at most 24 h old). Pending, rejected or withdrawn people answer 409 `conflict`.',
        params: SlugParams,
        querystring: LangQuery,
        body: CheckInInputSchema,
        response: { 200: CheckInResultSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canAdminister(request.actor), 'registration.check_in', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const { code, registrationId, scannedAt } = request.body;
      if (!code && !registrationId) {
        throw new AppError('validation_failed', 'body: give a code or a registrationId', {
          errors: [{ path: 'body/code', message: 'is required when there is no registrationId' }],
        });
      }
      const nowMs = Date.now();
      const at = scannedAt ?? new Date(nowMs).toISOString();
      const atMs = Date.parse(at);
      if (atMs > nowMs + CLOCK_SKEW_MS || atMs < nowMs - OFFLINE_WINDOW_MS) {
        throw new AppError('validation_failed', 'body/scannedAt: must be within the last 24 hours', {
          errors: [{ path: 'body/scannedAt', message: 'must be within the last 24 hours' }],
        });
      }
      const by = request.actor.kind === 'user' ? request.actor.userId : null;
      const result = await app.db.transaction().execute(async (trx) => {
        let update = trx
          .updateTable('registration')
          .set({ checked_in_at: new Date(atMs).toISOString(), checked_in_by: by, updated_at: nowIso() })
          .where('meeting_id', '=', meeting.id)
          .where('status', '=', 'accredited')
          .where('checked_in_at', 'is', null);
        update = code ? update.where('check_in_code', '=', code) : update.where('id', '=', registrationId ?? '');
        const marked = await update.returningAll().executeTakeFirst();
        if (marked) {
          await writeAudit(trx, request.auditContext(role), {
            action: 'registration.check_in',
            objectType: 'registration',
            objectId: marked.id,
            changes: { checkedInAt: { before: null, after: marked.checked_in_at } },
          });
          return { row: marked, already: false };
        }
        let find = trx.selectFrom('registration').selectAll().where('meeting_id', '=', meeting.id);
        find = code ? find.where('check_in_code', '=', code) : find.where('id', '=', registrationId ?? '');
        const row = await find.executeTakeFirst();
        if (!row) throw new AppError('not_found', 'No participant has this code at this meeting.');
        if (row.status !== 'accredited') {
          throw new AppError(
            'conflict',
            `This person is not accredited (${row.status}); send them to the secretariat.`,
            {
              status: row.status,
            },
          );
        }
        return { row, already: true };
      });
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const names = await loadNames(app.db, lang, {
        memberStates: result.row.member_state ? [result.row.member_state] : [],
        organizations: result.row.organization_id ? [result.row.organization_id] : [],
      });
      return {
        registrationId: result.row.id,
        givenName: result.row.given_name,
        familyName: result.row.family_name,
        delegationName: delegationName(result.row, names),
        category: result.row.category as Category,
        checkedInAt: result.row.checked_in_at ?? at,
        alreadyCheckedIn: result.already,
      };
    },
  );

  app.get(
    '/api/meetings/:slug/check-in/roster',
    {
      schema: {
        tags,
        summary:
          'Accredited participants with their badge codes, for the registration desk (works offline once loaded)',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: RosterSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await authorize(request, canAdminister(request.actor), 'check_in.roster', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const rows = await app.db
        .selectFrom('registration')
        .select([
          'id',
          'given_name',
          'family_name',
          'member_state',
          'organization_id',
          'category',
          'check_in_code',
          'checked_in_at',
        ])
        .where('meeting_id', '=', meeting.id)
        .where('status', '=', 'accredited')
        .orderBy('sort_name')
        .execute();
      const names = await loadNames(app.db, lang);
      reply.header('cache-control', 'private, no-store');
      return {
        generatedAt: nowIso(),
        items: rows.map((r) => ({
          registrationId: r.id,
          givenName: r.given_name,
          familyName: r.family_name,
          delegationName: delegationName(r, names),
          memberState: r.member_state,
          category: r.category as Category,
          code: r.check_in_code,
          checkedInAt: r.checked_in_at,
        })),
      };
    },
  );

  app.get(
    '/api/meetings/:slug/participation-statistics',
    {
      schema: {
        tags,
        summary: 'Registered, accredited and present people by state, category and gender (secretariat)',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: ParticipationStatisticsSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, canAdminister(request.actor), 'participation.statistics', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return participationStatistics(app.db, meeting.id, lang);
    },
  );
}
