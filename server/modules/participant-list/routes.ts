import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { isSecretariat } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { writeAudit } from '../../audit/audit.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { SlugParams } from '../meeting/routes.js';
import { allow } from '../../auth/policy.js';
import { canAdminister, visibleScope } from '../participation/policy.js';
import { meetingOr404 } from '../participation/routes.js';
import { renderBadgesPdf } from './badges-pdf.js';
import { buildBadges, buildParticipantList, dateRange, meetingTitle, type Audience } from './build-list.js';
import { participantListCsv } from './csv.js';
import { renderParticipantListPdf } from './list-pdf.js';
import { participantListXlsx } from './xlsx.js';

const tags = ['participation'];
const FORMATS = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const ListQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
const BadgeQuery = Type.Object({
  lang: Type.Optional(Type.String()),
  memberState: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  ids: Type.Optional(Type.String({ maxLength: 8000, description: 'comma-separated registration ids' })),
});

function download(reply: FastifyReply, type: string, name: string, body: Buffer | string) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(body);
}

/**
 * The official list of participants and the badges. Everyone gets the list, narrowed to what they
 * may see: the public the accredited people who consented to appear, without contacts; a focal
 * point or representative their own delegation with contacts; the secretariat everyone.
 */
export function participantListRoutes(app: App): void {
  for (const format of Object.keys(FORMATS) as (keyof typeof FORMATS)[]) {
    app.get(
      `/api/meetings/:slug/participants.${format}`,
      {
        schema: {
          tags,
          summary: `The list of participants as ${format.toUpperCase()}, in the requested language`,
          description:
            'Accredited participants grouped as member states (alphabetical in the language, head of delegation first), then OAS organs, IOM, UN agencies, partner institutions, other organisations and experts. The public list holds those who consented, without contacts; focal points and representatives get their own delegation with contacts; the secretariat all. Spreadsheet cells are safe against formula injection.',
          params: SlugParams,
          querystring: ListQuery,
          response: { 200: Type.Unknown({ description: FORMATS[format] }), ...ProblemResponses },
        },
      },
      async (request, reply) => {
        const actor = request.actor;
        const scope = visibleScope(actor);
        const acting = scope && (scope.memberStates.length > 0 || scope.organizations.length > 0);
        const audience: Audience = isSecretariat(actor)
          ? { withContacts: true, publicOnly: false, scope: null }
          : acting
            ? { withContacts: true, publicOnly: false, scope }
            : { withContacts: false, publicOnly: true, scope: null };
        const actingRole =
          actor.kind === 'user'
            ? actor.assignments.find((a) => a.role === 'focal_point' || a.role === 'organization_rep')?.role
            : undefined;
        const role = await authorize(
          request,
          allow(isSecretariat(actor) ? 'secretariat' : acting && actingRole ? actingRole : 'public'),
          'participants.export',
        );
        const meeting = await meetingOr404(app, request.params.slug);
        const lang = requestLang(request.query.lang, request.headers['accept-language']);
        const list = await buildParticipantList(app.db, meeting, lang, audience);
        if (audience.withContacts) {
          // Exports with contact details are personal data leaving the system: recorded.
          await writeAudit(app.db, request.auditContext(role), {
            action: 'participants.export',
            objectType: 'meeting',
            objectId: meeting.slug,
            changes: { format: { before: null, after: format } },
          });
        }
        const name = `participants-${meeting.slug}-${lang}.${format}`;
        if (format === 'csv') return download(reply, FORMATS.csv, name, participantListCsv(list));
        if (format === 'xlsx') return download(reply, FORMATS.xlsx, name, await participantListXlsx(list));
        return download(reply, FORMATS.pdf, name, await renderParticipantListPdf(list));
      },
    );
  }

  app.get(
    '/api/meetings/:slug/badges.pdf',
    {
      schema: {
        tags,
        summary: 'Printable badge sheets (A4, 8 per page) for accredited participants (secretariat)',
        description:
          'Each badge carries a QR code holding only the opaque check-in code. Filter by `memberState` or `ids`.',
        params: SlugParams,
        querystring: BadgeQuery,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canAdminister(request.actor), 'badges.print', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const ids = request.query.ids
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const badges = await buildBadges(app.db, meeting, lang, {
        memberState: request.query.memberState,
        registrationIds: ids,
      });
      await writeAudit(app.db, request.auditContext(role), {
        action: 'badges.print',
        objectType: 'meeting',
        objectId: meeting.slug,
        changes: { badges: { before: null, after: badges.length } },
      });
      const pdf = await renderBadgesPdf({
        lang,
        meetingTitle: meetingTitle(meeting, lang),
        dateRange: dateRange(meeting, lang),
        generatedAt: new Date(),
        badges,
      });
      return download(reply, 'application/pdf', `badges-${meeting.slug}.pdf`, pdf);
    },
  );
}
