import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  DecisionInputSchema,
  ParticipationRulesSchema,
  RegistrationInputSchema,
  RegistrationListQuerySchema,
  RegistrationPageSchema,
  RegistrationSchema,
  SubstitutionInputSchema,
  WithdrawalInputSchema,
  type Registration,
} from '../../../shared/schemas/participation.js';
import { loadKeys } from '../../auth/crypto.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { deliverLater, type QueuedMail } from '../../mail/mailer.js';
import { ipBucket, rateLimited, takeAttempt } from '../auth/throttle.js';
import { findMeetingBySlug, type MeetingRow } from '../meeting/repository.js';
import { SlugParams } from '../meeting/routes.js';
import { once, requestHash } from './idempotency.js';
import { decide, substitute, withdraw } from './lifecycle.js';
import { canAdminister, canListRegistrations, canManageDelegation, canRegister } from './policy.js';
import { loadNames, presentRegistration } from './presenter.js';
import { registerPerson, type Acting, type ParticipationDeps } from './register.js';
import { listRegistrations } from './list-registrations.js';
import { categoryRule, readRules } from './rules.js';
import { saveRules } from './save-rules.js';
import { civilSocietyRoutes } from './routes-civil-society.js';
import { delegationRoutes } from './routes-delegations.js';

export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
export const RegistrationParams = Type.Object({
  slug: SlugParams.properties.slug,
  id: Type.String({ maxLength: 80 }),
});
const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({ description: 'Retry-safe writes: 8–200 characters; a retry answers the first response' }),
  ),
});
const tags = ['participation'];

export async function meetingOr404(app: App, slug: string): Promise<MeetingRow> {
  const meeting = await findMeetingBySlug(app.db, slug);
  if (!meeting) throw new AppError('not_found', `No meeting "${slug}".`);
  return meeting;
}

export function participationDeps(app: App): ParticipationDeps {
  return { engine: app.engine, keys: loadKeys(app.config), config: app.config };
}

export function acting(request: FastifyRequest, role: string): Acting {
  const actor = request.actor;
  return {
    ctx: request.auditContext(role),
    role,
    nominator: actor.kind === 'user' ? { email: actor.email, lang: actor.lang } : null,
  };
}

/** Whose retries are whose: a key is only ever matched against the same caller's earlier requests. */
function idempotencyScope(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor.kind === 'user') return `user:${actor.userId}`;
  if (actor.kind === 'cli') return 'cli';
  return `ip:${ipBucket(request.ip)}`;
}

function sendMail(app: App, request: FastifyRequest, mail: QueuedMail[]): void {
  for (const m of mail) deliverLater(app.db, app.config, m, request.log);
}

/** Routes for participation rules, registrations and their workflow; delegations are in routes-delegations.ts. */
export function participationRoutes(app: App): void {
  const deps = participationDeps(app);

  app.get(
    '/api/meetings/:slug/participation-rules',
    {
      schema: {
        tags,
        summary: "A meeting's participation rules: categories, who registers in each, limits, registration window",
        params: SlugParams,
        response: { 200: ParticipationRulesSchema, ...ProblemResponses },
      },
    },
    async (request) => readRules(app.db, (await meetingOr404(app, request.params.slug)).id),
  );

  app.put(
    '/api/meetings/:slug/participation-rules',
    {
      schema: {
        tags,
        summary: 'Replace the participation rules (secretariat)',
        description:
          'Places are recounted under the new rules; rules that would leave a delegation over a new limit answer 409 `conflict` listing each one.',
        params: SlugParams,
        body: ParticipationRulesSchema,
        response: { 200: ParticipationRulesSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canAdminister(request.actor), 'participation_rules.update', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      return app.db.transaction().execute((trx) => saveRules(trx, request.auditContext(role), meeting, request.body));
    },
  );

  app.post(
    '/api/meetings/:slug/registrations',
    {
      schema: {
        tags,
        summary: 'Nominate or register a person (or apply, where the rules allow it)',
        description:
          'Takes a place in each limited group at once or not at all. 409 `quota_exceeded` names the full `category` ("total" for a state\'s total); 422 `deadline_passed` / `registration_not_open` outside the window (the secretariat is not bound by it); 403 when the caller may not register in that category, state or organisation. The secretariat may exceed a limit with `override.reason`, recorded in the audit trail. Send `Idempotency-Key` to retry safely.',
        params: SlugParams,
        querystring: LangQuery,
        headers: IdempotencyHeaders,
        body: RegistrationInputSchema,
        response: { 201: RegistrationSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const meeting = await meetingOr404(app, request.params.slug);
      const rule = categoryRule(await readRules(app.db, meeting.id), request.body.category);
      if (!rule) {
        throw new AppError('unprocessable', `This meeting takes no "${request.body.category}" registrations.`, {
          errors: [
            { path: 'body/category', message: 'is not a category of this meeting', reason: 'category_not_taken' },
          ],
        });
      }
      const target = {
        memberState: request.body.memberState ?? null,
        organizationId: request.body.organizationId ?? null,
      };
      const role = await authorize(request, canRegister(request.actor, rule, target), 'registration.create', {
        type: 'meeting',
        id: meeting.slug,
      });
      if (role === 'public' || role === 'self') {
        // Applications need no account: limit how many one source can file.
        const taken = await takeAttempt(app.db, [{ key: `apply:ip:${ipBucket(request.ip)}`, max: 20 }]);
        if (taken.retryAfter !== null) throw rateLimited(taken.retryAfter);
      }
      let mail: QueuedMail[] = [];
      const result = await once<Registration>(
        app.db,
        idempotencyScope(request),
        request.headers['idempotency-key'],
        requestHash({ slug: meeting.slug, body: request.body }),
        async (trx) => {
          const done = await registerPerson(trx, deps, acting(request, role), meeting, request.body, lang);
          mail = done.mail;
          return { status: 201, body: done.registration };
        },
      );
      sendMail(app, request, mail);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      reply.header('location', `/api/meetings/${meeting.slug}/registrations/${result.body.id}`);
      return reply.code(201).send(result.body);
    },
  );

  app.get(
    '/api/meetings/:slug/registrations',
    {
      schema: {
        tags,
        summary: 'Registrations, filtered and paginated (the secretariat sees all; others their state or organisation)',
        params: SlugParams,
        querystring: RegistrationListQuerySchema,
        response: { 200: RegistrationPageSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, canListRegistrations(request.actor), 'registration.list', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return listRegistrations(
        app.db,
        meeting.id,
        request.query,
        lang,
        request.actor,
        role === 'secretariat' || role === 'cli' ? deps.keys : null,
      );
    },
  );

  /** Loads a registration and asks whether the caller manages its delegation (the secretariat does all). */
  async function managed(
    request: FastifyRequest<{ Params: { slug: string; id: string } }>,
    action: string,
    adminOnly = false,
  ) {
    const meeting = await meetingOr404(app, request.params.slug);
    const row = await app.db
      .selectFrom('registration')
      .selectAll()
      .where('id', '=', request.params.id)
      .where('meeting_id', '=', meeting.id)
      .executeTakeFirst();
    const target = { memberState: row?.member_state ?? null, organizationId: row?.organization_id ?? null };
    const decision = adminOnly ? canAdminister(request.actor) : canManageDelegation(request.actor, target);
    const role = await authorize(request, decision, action, { type: 'registration', id: request.params.id });
    if (!row) throw new AppError('not_found', 'No such registration at this meeting.');
    return { meeting, row, role };
  }

  const present = async (
    request: FastifyRequest,
    row: Parameters<typeof presentRegistration>[0],
    role: string,
    lang: ReturnType<typeof requestLang>,
  ) => {
    const names = await loadNames(app.db, lang, {
      memberStates: row.member_state ? [row.member_state] : [],
      organizations: row.organization_id ? [row.organization_id] : [],
    });
    const head = row.delegation_id
      ? await app.db
          .selectFrom('delegation')
          .select('head_registration_id')
          .where('id', '=', row.delegation_id)
          .executeTakeFirst()
      : undefined;
    void request;
    return presentRegistration(row, names, {
      isHead: head?.head_registration_id === row.id,
      keys: role === 'secretariat' || role === 'cli' ? deps.keys : null,
    });
  };

  app.get(
    '/api/meetings/:slug/registrations/:id',
    {
      schema: {
        tags,
        summary: 'One registration (the identity-document number is shown to the secretariat only)',
        params: RegistrationParams,
        querystring: LangQuery,
        response: { 200: RegistrationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { row, role } = await managed(request, 'registration.read');
      return present(request, row, role, requestLang(request.query.lang, request.headers['accept-language']));
    },
  );

  app.post(
    '/api/meetings/:slug/registrations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accredit or reject a pending registration (secretariat); a rejection needs a reason',
        params: RegistrationParams,
        querystring: LangQuery,
        body: DecisionInputSchema,
        response: { 200: RegistrationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { meeting, role } = await managed(request, `registration.${request.body.decision}`, true);
      const done = await app.db
        .transaction()
        .execute((trx) => decide(trx, deps, acting(request, role), meeting, request.params.id, request.body));
      sendMail(app, request, done.mail);
      return present(request, done.row, role, requestLang(request.query.lang, request.headers['accept-language']));
    },
  );

  app.post(
    '/api/meetings/:slug/registrations/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw a registration: its place is free again',
        params: RegistrationParams,
        querystring: LangQuery,
        body: Type.Optional(WithdrawalInputSchema),
        response: { 200: RegistrationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { meeting, role } = await managed(request, 'registration.withdraw');
      const done = await app.db
        .transaction()
        .execute((trx) => withdraw(trx, deps, acting(request, role), meeting, request.params.id, request.body?.reason));
      sendMail(app, request, done.mail);
      return present(request, done.row, role, requestLang(request.query.lang, request.headers['accept-language']));
    },
  );

  app.post(
    '/api/meetings/:slug/registrations/:id/substitution',
    {
      schema: {
        tags,
        summary: 'Replace a person: the replacement takes the same place; the first registration stays as history',
        params: RegistrationParams,
        querystring: LangQuery,
        body: SubstitutionInputSchema,
        response: { 201: RegistrationSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { meeting, role } = await managed(request, 'registration.substitute');
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const done = await app.db
        .transaction()
        .execute((trx) => substitute(trx, deps, acting(request, role), meeting, request.params.id, request.body, lang));
      sendMail(app, request, done.mail);
      return reply.code(201).send(await present(request, done.row, role, lang));
    },
  );

  delegationRoutes(app, deps);
  civilSocietyRoutes(app);
}
