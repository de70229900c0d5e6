import { Type } from 'typebox';
import { MeetingDetailSchema, MeetingListSchema } from '../../../shared/schemas/meeting.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { countPublishedVersions } from '../agenda/repository.js';
import { listOrganizations } from '../reference/repository.js';
import { meetingOrganizerIds, presentMeetingDetail, presentMeetingSummary } from './presenter.js';
import { findMeetingBySlug, listConceptSections, listMeetingRows } from './repository.js';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
export const SlugParams = Type.Object({
  slug: Type.String({ maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$', description: 'e.g. oas-iom-tip-2005' }),
});

export function meetingRoutes(app: App): void {
  app.get(
    '/api/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Meetings, newest first',
        querystring: LangQuery,
        response: { 200: MeetingListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const rows = await listMeetingRows(app.db);
      const orgs = await listOrganizations(app.db, lang, [...new Set(rows.flatMap(meetingOrganizerIds))]);
      return { items: rows.map((r) => presentMeetingSummary(r, orgs, lang)) };
    },
  );

  app.get(
    '/api/meetings/:slug',
    {
      schema: {
        tags: ['meetings'],
        summary: 'A meeting with its concept note',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: MeetingDetailSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const row = await findMeetingBySlug(app.db, request.params.slug);
      if (!row || row.status === 'draft') throw new AppError('not_found', `No meeting "${request.params.slug}".`);
      const [orgs, sections, versions] = await Promise.all([
        listOrganizations(app.db, lang, meetingOrganizerIds(row)),
        listConceptSections(app.db, row.id),
        countPublishedVersions(app.db, row.id),
      ]);
      return presentMeetingDetail(row, orgs, sections, versions, lang);
    },
  );
}
