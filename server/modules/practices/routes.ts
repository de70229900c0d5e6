import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import {
  CommentInputSchema,
  CreatePracticeSchema,
  PracticeInputSchema,
  PracticeSchema,
  PRACTICE_STATUSES,
  ReviewInputSchema,
  SearchQuerySchema,
  SearchResultSchema,
  WorkListSchema,
  type PracticeInput,
} from '../../../shared/schemas/practices.js';
import { isSecretariat } from '../../auth/actor.js';
import { authorize, type Decision } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { readField, normalisePractice } from './content.js';
import { attachmentRoutes } from './attachment-routes.js';
import { canCreate, canEdit, canReview, canSeeWork, canSubmit, mayWork } from './policy.js';
import { dataOf, practiceOr404, referenceSets, type PracticeRow } from './repository.js';
import { searchPractices } from './search.js';
import { viewPractice } from './view.js';
import {
  commentOn,
  createPractice,
  revisePractice,
  reviewPractice,
  submitPractice,
  updatePractice,
} from './workflow.js';

const tags = ['practices'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });

/** The best-practice library: public search and reading; drafting, review and revision. */
export function practiceRoutes(app: App): void {
  const lang = (request: FastifyRequest<{ Querystring: { lang?: string } }>) =>
    requestLang(request.query.lang, request.headers['accept-language']);

  const respond = async (request: FastifyRequest<{ Querystring: { lang?: string } }>, id: string) => {
    const view = await viewPractice(app.db, request.actor, await practiceOr404(app.db, id), lang(request));
    if (!view) throw new AppError('not_found', 'No such practice.');
    return view;
  };

  /** Loads the practice and checks the decision; someone who may not see its work gets 404, not a hint. */
  const acting = async (request: FastifyRequest, id: string, decide: (p: PracticeRow) => Decision, action: string) => {
    await authorize(request, mayWork(request.actor), action, { type: 'practice', id });
    const practice = await practiceOr404(app.db, id);
    if (!canSeeWork(request.actor, practice).allowed && practice.published_revision === null) {
      throw new AppError('not_found', 'No such practice.');
    }
    const role = await authorize(request, decide(practice), action, { type: 'practice', id: practice.id });
    return { practice, ctx: request.auditContext(role) };
  };

  const validated = async (data: PracticeInput, at?: string) =>
    normalisePractice(data, await referenceSets(app.db), at);

  app.get(
    '/api/practices',
    {
      schema: {
        tags,
        summary: 'Search published practices: words in any of the four languages, facets, cursor',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...ProblemResponses },
      },
    },
    async (request) => searchPractices(app.db, app.engine, request.query, lang(request)),
  );

  app.get(
    '/api/practices/work',
    {
      schema: {
        tags,
        summary: 'Practices the caller works on: their own state’s or organisation’s; all for the secretariat',
        querystring: Type.Object({
          lang: Type.Optional(Type.String()),
          status: Type.Optional(Type.Enum(PRACTICE_STATUSES)),
        }),
        response: { 200: WorkListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const actor = request.actor;
      const states =
        actor.kind === 'user'
          ? actor.assignments.filter((a) => a.role === 'focal_point').map((a) => a.memberState ?? '')
          : [];
      const orgs =
        actor.kind === 'user'
          ? actor.assignments.filter((a) => a.role === 'organization_rep').map((a) => a.organizationId ?? '')
          : [];
      const secretariat = isSecretariat(actor);
      await authorize(request, mayWork(actor), 'practice.work_list');
      let q = app.db
        .selectFrom('practice')
        .innerJoin('practice_revision', (j) =>
          j
            .onRef('practice_revision.practice_id', '=', 'practice.id')
            .onRef('practice_revision.number', '=', 'practice.revision'),
        )
        .select([
          'practice.id',
          'practice.status',
          'practice.revision',
          'practice.published_revision',
          'practice.member_state',
          'practice.organization_id',
          'practice.updated_at',
          'practice_revision.data',
        ]);
      if (!secretariat) {
        q = q.where((eb) =>
          eb.or([
            eb('practice.member_state', 'in', states.length ? states : ['']),
            eb('practice.organization_id', 'in', orgs.length ? orgs : ['']),
          ]),
        );
      }
      if (request.query.status) q = q.where('practice.status', '=', request.query.status);
      const rows = await q.orderBy('practice.updated_at', 'desc').limit(500).execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: readField(dataOf(r), 'title', lang(request)),
          status: r.status as (typeof PRACTICE_STATUSES)[number],
          revision: r.revision,
          publishedRevision: r.published_revision,
          memberState: r.member_state,
          organizationId: r.organization_id,
          updatedAt: r.updated_at,
        })),
      };
    },
  );

  app.post(
    '/api/practices',
    {
      schema: {
        tags,
        summary: 'Draft a practice for your state or organisation (the secretariat: for anyone, or its own)',
        querystring: LangQuery,
        body: CreatePracticeSchema,
        response: { 201: PracticeSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      let memberState = request.body.memberState ?? null;
      let organizationId = request.body.organizationId ?? null;
      if (memberState && organizationId) {
        throw new AppError(
          'validation_failed',
          'body/organizationId: a practice belongs to a state or an organisation, not both',
          {
            errors: [
              { path: 'body/organizationId', message: 'a state or an organisation, not both', reason: 'two_owners' },
            ],
          },
        );
      }
      // A focal point or representative with one assignment need not say for whom.
      if (!memberState && !organizationId && actor.kind === 'user' && !isSecretariat(actor)) {
        const own = actor.assignments.find((a) => a.role === 'focal_point' || a.role === 'organization_rep');
        memberState = own?.role === 'focal_point' ? (own.memberState ?? null) : null;
        organizationId = own?.role === 'organization_rep' ? (own.organizationId ?? null) : null;
      }
      const owner = { member_state: memberState, organization_id: organizationId };
      const role = await authorize(request, canCreate(actor, owner), 'practice.create');
      const data = await validated(request.body.data, 'body/data');
      const id = await app.db
        .transaction()
        .execute((trx) => createPractice(trx, request.auditContext(role), owner, data));
      return reply.code(201).send(await respond(request, id));
    },
  );

  app.get(
    '/api/practices/:id',
    {
      schema: {
        tags,
        summary: 'A practice: the published revision, or (owners, secretariat) the latest with its discussion',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: PracticeSchema, ...ProblemResponses },
      },
    },
    async (request) => respond(request, request.params.id),
  );

  app.put(
    '/api/practices/:id',
    {
      schema: {
        tags,
        summary: 'Replace the content of the latest revision while it is a draft or returned',
        params: IdParams,
        querystring: LangQuery,
        body: PracticeInputSchema,
        response: { 200: PracticeSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { practice, ctx } = await acting(
        request,
        request.params.id,
        (p) => canEdit(request.actor, p),
        'practice.update',
      );
      const data = await validated(request.body);
      await app.db
        .transaction()
        .execute(async (trx) => updatePractice(trx, ctx, await practiceOr404(trx, practice.id), data));
      return respond(request, practice.id);
    },
  );

  const transition = (
    url: string,
    summary: string,
    action: string,
    decide: (request: FastifyRequest, p: PracticeRow) => Decision,
    run: (
      trx: Parameters<typeof submitPractice>[0],
      ctx: Parameters<typeof submitPractice>[1],
      p: PracticeRow,
      body: never,
    ) => Promise<unknown>,
    body?: TSchema,
  ) =>
    app.post(
      url,
      {
        // A POST with no body at all is read as `{}`: submitting and revising need nothing.
        preValidation: async (request) => {
          if (request.body === undefined || request.body === null) request.body = {};
        },
        schema: {
          tags,
          summary,
          params: IdParams,
          querystring: LangQuery,
          // Submitting and revising need no body (a note is optional); decisions and comments do.
          body:
            body ??
            Type.Optional(
              Type.Object({ note: Type.Optional(Type.String({ maxLength: 5000 })) }, { additionalProperties: false }),
            ),
          response: { 200: PracticeSchema, ...ProblemResponses },
        },
      },
      async (request) => {
        const { practice, ctx } = await acting(request, request.params.id, (p) => decide(request, p), action);
        await app.db
          .transaction()
          .execute(async (trx) => run(trx, ctx, await practiceOr404(trx, practice.id), (request.body ?? {}) as never));
        return respond(request, practice.id);
      },
    );

  transition(
    '/api/practices/:id/submission',
    'Submit the latest revision for review',
    'practice.submit',
    (r, p) => canSubmit(r.actor, p),
    (trx, ctx, p, body: { note?: string }) => submitPractice(trx, ctx, p, body.note),
  );
  transition(
    '/api/practices/:id/review',
    'Publish, return (with comments) or reject the submitted revision (secretariat)',
    'practice.review',
    (r) => canReview(r.actor),
    (
      trx,
      ctx,
      p,
      body: { decision: 'publish' | 'return' | 'reject'; comment?: string; confirmPersonalData?: boolean },
    ) => reviewPractice(trx, ctx, p, body),
    ReviewInputSchema,
  );
  transition(
    '/api/practices/:id/revisions',
    'Open a new revision of a published practice (owners)',
    'practice.revise',
    (r, p) => canEdit(r.actor, p),
    (trx, ctx, p) => revisePractice(trx, ctx, p),
  );
  transition(
    '/api/practices/:id/comments',
    'Add to the discussion of a practice (owners and the secretariat)',
    'practice.comment',
    (r, p) => canSeeWork(r.actor, p),
    (trx, ctx, p, body: { body: string }) => commentOn(trx, ctx, p, body.body),
    CommentInputSchema,
  );

  attachmentRoutes(app);
}
