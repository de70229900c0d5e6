import { Type } from 'typebox';
import {
  NationalFrameworkSchema,
  ProposalInputSchema,
  ProposalListSchema,
  ProposalSchema,
  ReviewInputSchema,
} from '../../../shared/schemas/treaties.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { nationalFramework, presentProposal, propose, review } from './framework.js';
import { canProposeFramework, canReviewFramework, seesContacts } from './policy.js';

const tags = ['treaties'];
const Iso3Params = Type.Object({ iso3: Type.String({ maxLength: 3 }) });
const ProposalParams = Type.Object({ id: Type.String({ maxLength: 80 }) });

/**
 * A state's legislation, action plans and authorities. Focal points propose, the secretariat
 * reviews; the public sees reviewed entries only, and authorities' contacts need a signed-in user.
 */
export function frameworkRoutes(app: App): void {
  const userId = (actor: { kind: string; userId?: string }) => (actor.kind === 'user' ? (actor.userId ?? null) : null);

  app.get(
    '/api/member-states/:iso3/framework',
    {
      schema: {
        tags,
        summary:
          "A state's reviewed legislation, action plans and (signed in) authorities, each with source, date and history",
        params: Iso3Params,
        response: { 200: NationalFrameworkSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const iso3 = request.params.iso3.toUpperCase();
      const state = await app.db.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
      if (!state) throw new AppError('not_found', `No member state "${iso3}".`);
      return nationalFramework(app.db, iso3, seesContacts(request.actor));
    },
  );

  app.get(
    '/api/member-states/:iso3/framework/proposals',
    {
      schema: {
        tags,
        summary: "Proposed changes to a state's framework, pending and reviewed (its focal point, the secretariat)",
        params: Iso3Params,
        response: { 200: ProposalListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const iso3 = request.params.iso3.toUpperCase();
      await authorize(request, canProposeFramework(request.actor, iso3), 'framework.list_proposals', {
        type: 'member_state',
        id: iso3,
      });
      const rows = await app.db
        .selectFrom('framework_proposal')
        .selectAll()
        .where('member_state', '=', iso3)
        .orderBy('proposed_at', 'desc')
        .orderBy('id')
        .limit(500)
        .execute();
      return { items: rows.map(presentProposal) };
    },
  );

  app.post(
    '/api/member-states/:iso3/framework/proposals',
    {
      schema: {
        tags,
        summary: 'Propose a new entry, a change or a removal (the state’s focal point, the secretariat)',
        description:
          'Body: `{kind, data}` for a new entry, `{kind, entryId, data}` for a change, `{entryId, remove: true}` for a removal. Nothing is public until the secretariat accepts it.',
        params: Iso3Params,
        body: ProposalInputSchema,
        response: { 201: ProposalSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const iso3 = request.params.iso3.toUpperCase();
      const role = await authorize(request, canProposeFramework(request.actor, iso3), 'framework.propose', {
        type: 'member_state',
        id: iso3,
      });
      const proposal = await app.db
        .transaction()
        .execute((trx) => propose(trx, request.auditContext(role), iso3, request.body, userId(request.actor)));
      return reply.code(201).send(proposal);
    },
  );

  app.post(
    '/api/framework-proposals/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept (publish) or reject a proposal (secretariat)',
        params: ProposalParams,
        body: ReviewInputSchema,
        response: { 200: ProposalSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canReviewFramework(request.actor), 'framework.review', {
        type: 'framework_proposal',
        id: request.params.id,
      });
      return app.db
        .transaction()
        .execute((trx) =>
          review(trx, request.auditContext(role), request.params.id, request.body, userId(request.actor)),
        );
    },
  );
}
