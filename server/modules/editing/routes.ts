import { Type } from 'typebox';
import {
  AgendaDraftInputSchema,
  AgendaDraftSchema,
  ConceptSectionInputSchema,
  ConceptSectionSourceSchema,
  MeetingPatchSchema,
  MeetingSourceSchema,
  PublishedVersionSchema,
  SectionKindSchema,
} from '../../../shared/schemas/editing.js';
import { MeetingDetailSchema } from '../../../shared/schemas/meeting.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { countPublishedVersions } from '../agenda/repository.js';
import { meetingOrganizerIds, presentMeetingDetail } from '../meeting/presenter.js';
import { findMeetingBySlug, listConceptSections } from '../meeting/repository.js';
import { SlugParams } from '../meeting/routes.js';
import { listOrganizations } from '../reference/repository.js';
import { contactRoutes } from './contact-routes.js';
import { actingRole, guard } from './guard.js';
import { canEditMeeting } from './policy.js';
import { presentMeetingSource } from './presenter.js';
import { publishDraft } from './publish-draft.js';
import { readAgendaDraft, saveAgendaDraft } from './save-agenda-draft.js';
import { updateConceptSection } from './update-concept-section.js';
import { updateMeeting } from './update-meeting.js';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
const SectionParams = Type.Object({ slug: SlugParams.properties.slug, kind: SectionKindSchema });

const secretariat = (action: string) => ({
  preValidation: guard(
    action,
    (request) => canEditMeeting(request.actor),
    (params) => ({ type: 'meeting', id: params.slug ?? null }),
  ),
});
const tags = ['editing'];

/** Routes for secretariat editing of meetings, concept notes and the agenda draft; contact details. */
export function editingRoutes(app: App): void {
  app.get(
    '/api/meetings/:slug/source',
    {
      ...secretariat('meeting.read_source'),
      schema: {
        tags,
        summary: 'A meeting and its concept note with every language of every text (for editing)',
        params: SlugParams,
        response: { 200: MeetingSourceSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const row = await findMeetingBySlug(app.db, request.params.slug);
      if (!row) throw new AppError('not_found', `No meeting "${request.params.slug}".`);
      return presentMeetingSource(row, await listConceptSections(app.db, row.id));
    },
  );

  app.patch(
    '/api/meetings/:slug',
    {
      ...secretariat('meeting.update'),
      schema: {
        tags,
        summary: 'Edit a meeting: title, venue, dates, time zone, status, default session hours',
        description:
          'Status moves forward (any number of steps) or one step back; otherwise 409 `conflict`. Answers the meeting as the public reads it.',
        params: SlugParams,
        querystring: LangQuery,
        body: MeetingPatchSchema,
        response: { 200: MeetingDetailSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const ctx = request.auditContext(actingRole(request));
      const row = await updateMeeting(app.db, ctx, request.params.slug, request.body);
      const [orgs, sections, versions] = await Promise.all([
        listOrganizations(app.db, lang, meetingOrganizerIds(row)),
        listConceptSections(app.db, row.id),
        countPublishedVersions(app.db, row.id),
      ]);
      return presentMeetingDetail(row, orgs, sections, versions, lang);
    },
  );

  app.put(
    '/api/meetings/:slug/concept-note/:kind',
    {
      ...secretariat('meeting.concept_section.update'),
      schema: {
        tags,
        summary: 'Replace one concept-note section (created at the end of the note if missing)',
        params: SectionParams,
        body: ConceptSectionInputSchema,
        response: { 200: ConceptSectionSourceSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { slug, kind } = request.params;
      return updateConceptSection(app.db, request.auditContext(actingRole(request)), slug, kind, request.body);
    },
  );

  app.get(
    '/api/meetings/:slug/agenda/draft',
    {
      ...secretariat('agenda.draft.read'),
      schema: {
        tags,
        summary: 'The editable draft agenda with raw multilingual texts and item keys',
        params: SlugParams,
        response: { 200: AgendaDraftSchema, ...ProblemResponses },
      },
    },
    async (request) => readAgendaDraft(app.db, request.params.slug),
  );

  app.put(
    '/api/meetings/:slug/agenda/draft',
    {
      ...secretariat('agenda.draft.update'),
      schema: {
        tags,
        summary: 'Replace the whole draft agenda',
        description:
          'Items without a `key` are new and get one (`i-` + 8 characters); items keep their key so the change log can follow them. Every problem is reported in `errors` and nothing is saved.',
        params: SlugParams,
        body: AgendaDraftInputSchema,
        response: { 200: AgendaDraftSchema, ...ProblemResponses },
      },
    },
    async (request) =>
      saveAgendaDraft(app.db, request.auditContext(actingRole(request)), request.params.slug, request.body),
  );

  app.post(
    '/api/meetings/:slug/agenda/versions',
    {
      ...secretariat('agenda.publish'),
      schema: {
        tags,
        summary: 'Publish the draft as the next agenda version',
        description:
          'A draft identical to the latest version is published too, with an empty change log. 409 `conflict` when the draft has no days or days outside the meeting.',
        params: SlugParams,
        response: { 201: PublishedVersionSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const published = await publishDraft(app.db, request.auditContext(actingRole(request)), request.params.slug);
      return reply.code(201).send(published);
    },
  );

  contactRoutes(app);
}
