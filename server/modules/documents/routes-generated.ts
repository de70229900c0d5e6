import { GeneratedInputSchema, DocumentSchema } from '../../../shared/schemas/documents.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { intlFor } from '../../i18n.js';
import { isRealDate } from '../editing/validation.js';
import { findMeetingBySlug } from '../meeting/repository.js';
import { SlugParams } from '../meeting/routes.js';
import { agendaVersionPdfs, participantListPdfs, registerGenerated } from './generated.js';
import { canIssue } from './policy.js';
import { documentOr404 } from './repository.js';
import { viewDocument } from './view.js';
import { Type } from 'typebox';

/**
 * What Continental renders (the agenda of a published version, the list of participants) enters
 * the register when the secretariat issues it: stored as rendered, with a symbol and a date.
 */
export function generatedDocumentRoutes(app: App): void {
  app.post(
    '/api/meetings/:slug/documents/generated',
    {
      schema: {
        tags: ['documents'],
        summary: 'Issue a generated document (secretariat): an agenda version, or the list of participants as of now',
        description:
          'The first agenda (or list) becomes a new document with the next symbol; later versions become its ' +
          '`rev. N`. The public list of participants is registered (accredited people who consented, no contacts). ' +
          'The same agenda version is never registered twice (409 `already_registered`).',
        params: SlugParams,
        querystring: Type.Object({ lang: Type.Optional(Type.String()) }),
        body: GeneratedInputSchema,
        response: { 201: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, canIssue(request.actor), 'document.generate', {
        type: 'meeting',
        id: request.params.slug,
      });
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const meeting = await findMeetingBySlug(app.db, request.params.slug);
      if (!meeting) throw new AppError('not_found', `No meeting "${request.params.slug}".`);
      const body = request.body;
      if (body.date && !isRealDate(body.date)) {
        throw new AppError('validation_failed', 'body/date: is not a calendar date', {
          errors: [{ path: 'body/date', message: 'is not a calendar date', reason: 'invalid_date' }],
        });
      }
      const date = body.date ?? new Date().toISOString().slice(0, 10);
      const distribution = body.distribution ?? 'public';
      const issue = {
        symbol: body.symbol?.normalize('NFC').trim(),
        series: body.series?.normalize('NFC').trim(),
        date,
      };
      let registered: { id: string };
      if (body.source === 'agenda') {
        const latest = await app.db
          .selectFrom('agenda_version')
          .select((eb) => eb.fn.max('number').as('number'))
          .where('meeting_id', '=', meeting.id)
          .executeTakeFirst();
        const version = body.version ?? Number(latest?.number ?? 0);
        if (!version)
          throw new AppError('conflict', 'The agenda has no published version yet.', { reason: 'no_version' });
        const { title, pdfs } = await agendaVersionPdfs(app.db, meeting.slug, version);
        const original = title.original;
        registered = await registerGenerated(
          app.db,
          app.files,
          request.auditContext(role),
          meeting,
          { kind: 'agenda', title, date, distribution },
          pdfs,
          `${meeting.slug}-agenda-v${version}`,
          {
            source: `agenda:v${version}`,
            family: 'agenda:',
            note: intlFor(original).formatMessage({ id: 'documents.generated.agendaNote' }, { version }),
          },
          issue,
        );
      } else {
        const { title, pdfs } = await participantListPdfs(app.db, meeting.slug);
        registered = await registerGenerated(
          app.db,
          app.files,
          request.auditContext(role),
          meeting,
          { kind: 'list_of_participants', title, date, distribution },
          pdfs,
          `${meeting.slug}-participants-${date}`,
          {
            source: `participants:${new Date().toISOString()}`,
            family: 'participants:',
            note: intlFor(title.original).formatMessage({ id: 'documents.generated.participantsNote' }, { date }),
          },
          issue,
        );
      }
      const doc = await documentOr404(app.db, registered.id);
      return reply.code(201).send(await viewDocument(app.db, request.actor, doc, lang));
    },
  );
}
