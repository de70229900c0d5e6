import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import {
  PasswordChangeBodySchema,
  ProfileBodySchema,
  RecoveryCodesSchema,
  SecondFactorBodySchema,
  SessionSchema,
  SessionUserSchema,
  SignInBodySchema,
  SignInResultSchema,
  TotpDisableBodySchema,
  TotpEnableBodySchema,
  TotpSetupSchema,
} from '../../../shared/schemas/auth.js';
import type { UserActor } from '../../auth/actor.js';
import { loadKeys } from '../../auth/crypto.js';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../auth/plugin.js';
import { authorize } from '../../auth/policy.js';
import { hashToken } from '../../auth/secrets.js';
import { AppError } from '../../http/errors.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { changePassword } from './change-password.js';
import { disableTotp, enableTotp, setupTotp } from './manage-totp.js';
import { mayDisableOwnTotp, mayEditOwnProfile, mayManageOwnCredentials } from './policy.js';
import { updateProfile } from './profile.js';
import { loadSessionUser } from './repository.js';
import { completeSecondFactor } from './second-factor.js';
import { signInWithPassword } from './sign-in.js';
import { signOut, signOutEverywhere } from './sign-out.js';

const NoContent = { 204: Type.Null(), ...ProblemResponses };

/** Every answer here is about one person's session: never cached, by the browser or anyone else. */
async function noStore(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store');
}

/** Body-less actions refuse a body (only `{}` is tolerated) rather than silently ignore it. */
async function noBody(request: FastifyRequest): Promise<void> {
  const { body } = request;
  const empty = body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
  if (empty) return;
  throw new AppError('validation_failed', 'This request takes no body.', {
    errors: [{ path: '', message: 'no body' }],
  });
}

const userOf = (request: FastifyRequest): UserActor => {
  if (request.actor.kind !== 'user') throw new AppError('unauthorized', 'Sign in to do this.');
  return request.actor;
};

/** Routes for sign-in, sessions, second factor, password and profile. */
export function authRoutes(app: App): void {
  const { config } = app;
  const keys = () => loadKeys(config);
  const meta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
  const schema = (summary: string) => ({ tags: ['auth'], summary });

  app.get(
    '/api/auth/session',
    {
      onRequest: noStore,
      schema: { ...schema('The current session'), response: { 200: SessionSchema, ...ProblemResponses } },
    },
    async (request) => {
      const { actor } = request;
      if (actor.kind !== 'user') return { user: null, mfaPending: request.pendingMfa !== null };
      const user = await loadSessionUser(app.db, actor.userId);
      return { user, mfaPending: false, ...(actor.csrfToken ? { csrfToken: actor.csrfToken } : {}) };
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      onRequest: noStore,
      schema: {
        ...schema('Sign in with email and password; sets the session cookie'),
        body: SignInBodySchema,
        response: { 200: SignInResultSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const cookie = request.cookies[sessionCookieName(config)];
      const session = await signInWithPassword(app.db, config.session, request.auditContext(null), {
        ...request.body,
        ...meta(request),
        previousSessionHash: cookie ? hashToken(cookie) : null,
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return { mfaRequired: session.mfaRequired };
    },
  );

  app.post(
    '/api/auth/sign-in/totp',
    {
      onRequest: noStore,
      schema: {
        ...schema('Finish signing in with an authenticator or recovery code'),
        body: SecondFactorBodySchema,
        response: { 200: Type.Object({ ok: Type.Literal(true) }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const pending = request.pendingMfa;
      if (!pending) throw new AppError('unauthorized', 'Sign in with your password first.');
      const ctx = { ...request.auditContext('self'), actor: pending };
      const session = await completeSecondFactor(app.db, keys(), config.session, ctx, {
        pending,
        code: request.body.code,
        ...meta(request),
      });
      setSessionCookie(reply, config, session.token, session.expiresAt);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { onRequest: noStore, preValidation: noBody, schema: { ...schema('End this session'), response: NoContent } },
    async (request, reply) => {
      // A session still waiting for its second factor can be abandoned too.
      const session = request.actor.kind === 'user' ? request.actor : request.pendingMfa;
      if (session?.sessionIdHash) {
        const ctx = { ...request.auditContext('self'), actor: session };
        await signOut(app.db, ctx, session.userId, session.sessionIdHash);
      }
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/sign-out-everywhere',
    { onRequest: noStore, preValidation: noBody, schema: { ...schema('End all of my sessions'), response: NoContent } },
    async (request, reply) => {
      const role = await authorize(request, mayManageOwnCredentials(request.actor), 'auth.sign_out_everywhere');
      await signOutEverywhere(app.db, request.auditContext(role), userOf(request).userId);
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/auth/profile',
    {
      onRequest: noStore,
      schema: {
        ...schema('Change my name or language'),
        body: ProfileBodySchema,
        response: { 200: SessionUserSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, mayEditOwnProfile(request.actor), 'auth.profile_update');
      return updateProfile(app.db, request.auditContext(role), userOf(request).userId, request.body);
    },
  );

  app.post(
    '/api/auth/password',
    {
      onRequest: noStore,
      schema: {
        ...schema('Change my password; ends my other sessions'),
        body: PasswordChangeBodySchema,
        response: NoContent,
      },
    },
    async (request, reply) => {
      const role = await authorize(request, mayManageOwnCredentials(request.actor), 'auth.password_change');
      const user = userOf(request);
      await changePassword(app.db, request.auditContext(role), {
        userId: user.userId,
        email: user.email,
        sessionIdHash: user.sessionIdHash ?? null,
        ...request.body,
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/setup',
    {
      onRequest: noStore,
      preValidation: noBody,
      schema: {
        ...schema('Start enrolling an authenticator app'),
        response: { 200: TotpSetupSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, mayManageOwnCredentials(request.actor), 'auth.totp_setup');
      return setupTotp(app.db, keys(), request.auditContext(role), userOf(request).userId);
    },
  );

  app.post(
    '/api/auth/totp/enable',
    {
      onRequest: noStore,
      schema: {
        ...schema('Confirm the authenticator with a code; returns recovery codes once'),
        body: TotpEnableBodySchema,
        response: { 200: RecoveryCodesSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const role = await authorize(request, mayManageOwnCredentials(request.actor), 'auth.totp_enable');
      const ctx = request.auditContext(role);
      return enableTotp(app.db, keys(), ctx, userOf(request).userId, request.body.code, request.ip);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      onRequest: noStore,
      schema: {
        ...schema('Turn the second factor off (not for the secretariat)'),
        body: TotpDisableBodySchema,
        response: NoContent,
      },
    },
    async (request, reply) => {
      const role = await authorize(request, mayDisableOwnTotp(request.actor), 'auth.totp_disable');
      await disableTotp(app.db, request.auditContext(role), userOf(request).userId, request.body.password);
      return reply.code(204).send(null);
    },
  );
}
