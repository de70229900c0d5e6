import { Type } from 'typebox';
import { AgendaSchema } from '../../../shared/schemas/agenda.js';
import { localize } from '../../../shared/text.js';
import { parseOptionalText } from '../../db/json.js';
import { requestLang } from '../../http/lang.js';
import { sendCachedJson } from '../../http/reply.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { SlugParams } from '../meeting/routes.js';
import { renderAgendaIcs } from './agenda-ics.js';
import { renderAgendaPdf } from './agenda-pdf.js';
import { publicMaterials } from '../documents/materials.js';
import { readAgenda } from './read-agenda.js';

const AgendaQuery = Type.Object({
  lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })),
  version: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 100000, description: 'Published version; latest by default' }),
  ),
});

// Documented as binary for OpenAPI; Fastify sends strings and Buffers as they are.
const Binary = Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary' });

export function agendaRoutes(app: App): void {
  app.get(
    '/api/meetings/:slug/agenda',
    {
      schema: {
        tags: ['agenda'],
        summary: 'A published version of the agenda (latest by default), with its change log',
        params: SlugParams,
        querystring: AgendaQuery,
        response: { 200: AgendaSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const { json, etag } = await readAgenda(app.db, request.params.slug, lang, request.query.version);
      // Serialised once per version and language (see read-agenda.ts); AgendaSchema is checked in tests.
      return sendCachedJson(request, reply.header('vary', 'Accept-Language'), json, etag);
    },
  );

  app.get(
    '/api/meetings/:slug/agenda.ics',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The agenda as an iCalendar file (RFC 5545) with the meeting’s time zone',
        params: SlugParams,
        querystring: AgendaQuery,
        response: {
          200: { description: 'text/calendar', content: { 'text/calendar': { schema: Binary } } },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const { agenda, meeting } = await readAgenda(app.db, request.params.slug, lang, request.query.version);
      const venue = parseOptionalText(meeting.venue, 'meeting.venue');
      const ics = renderAgendaIcs(agenda, {
        venue: venue ? localize(venue, lang).text : null,
        baseUrl: app.config.publicUrl,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${agenda.meeting.slug}-agenda-v${agenda.version.number}-${lang}.ics"`,
        )
        .send(ics);
    },
  );

  app.get(
    '/api/meetings/:slug/agenda.pdf',
    {
      schema: {
        tags: ['agenda'],
        summary: 'The agenda as a printable PDF in the requested language',
        params: SlugParams,
        querystring: AgendaQuery,
        response: {
          200: { description: 'application/pdf', content: { 'application/pdf': { schema: Binary } } },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const { agenda, meeting } = await readAgenda(app.db, request.params.slug, lang, request.query.version);
      const venue = parseOptionalText(meeting.venue, 'meeting.venue');
      const materials = await publicMaterials(app.db, meeting.id, lang);
      const pdf = await renderAgendaPdf(agenda, { venue: venue ? localize(venue, lang).text : null, materials });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${agenda.meeting.slug}-agenda-v${agenda.version.number}-${lang}.pdf"`,
        )
        .send(pdf);
    },
  );
}
