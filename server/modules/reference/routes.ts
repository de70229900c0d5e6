import { Type } from 'typebox';
import { MemberStateListSchema, OrganizationListSchema } from '../../../shared/schemas/reference.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { requestLang } from '../../http/lang.js';
import { listMemberStates, listOrganizations } from './repository.js';

const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });

export function referenceRoutes(app: App): void {
  app.get(
    '/api/member-states',
    {
      schema: {
        tags: ['reference'],
        summary: 'The 35 OAS member states, named in the requested language',
        querystring: LangQuery,
        response: { 200: MemberStateListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return { items: await listMemberStates(app.db, lang) };
    },
  );

  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['reference'],
        summary: 'Organisations taking part (OAS organs, IOM, UN agencies, partners, …)',
        querystring: LangQuery,
        response: { 200: OrganizationListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return { items: await listOrganizations(app.db, lang) };
    },
  );
}
