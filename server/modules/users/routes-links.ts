import { setTimeout as sleep } from 'node:timers/promises';
import { Type } from 'typebox';
import {
  AcceptInvitationSchema,
  InvitationInfoSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
} from '../../../shared/schemas/users.js';
import { setSessionCookie } from '../../auth/plugin.js';
import { createSession } from '../../auth/sessions.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { deliverLater } from '../../mail/mailer.js';
import { acceptInvitation, getInvitation } from './accept-invitation.js';
import { requestPasswordReset, resetPassword } from './reset-password.js';

const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 200 }) });
const tags = ['users'];
/**
 * The token sits in these URLs, and Fastify logs each request's URL at "info": these routes log
 * from "warn" up only, so a link that still works never lands in a log file.
 */
const logLevel = 'warn';
/** Every reset request answers after at least this long, whether or not a mail was written. */
const RESET_ANSWER_MS = 100;

/** The public side: invitation and password-reset links, which are their own authority. */
export function linkRoutes(app: App): void {
  app.get(
    '/api/invitations/:token',
    {
      logLevel,
      schema: {
        tags,
        summary: 'Who an invitation is for, while its link is valid',
        params: TokenParams,
        response: { 200: InvitationInfoSchema, ...ProblemResponses },
      },
    },
    async (request) => getInvitation(app.db, request.params.token),
  );

  app.post(
    '/api/invitations/:token',
    {
      logLevel,
      schema: {
        tags,
        summary: 'Accept an invitation: choose a password and be signed in',
        params: TokenParams,
        body: AcceptInvitationSchema,
        response: { 200: Type.Object({ userId: Type.String() }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const ctx = { requestId: request.id, ip: request.ip };
      const { userId, totpEnabled } = await acceptInvitation(app.db, ctx, request.params.token, request.body);
      const session = await createSession(app.db, userId, app.config.session, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        mfaPending: totpEnabled,
      });
      setSessionCookie(reply, app.config, session.token, session.expiresAt);
      return { userId };
    },
  );

  app.post(
    '/api/password-reset',
    {
      schema: {
        tags,
        summary: 'Ask for a password-reset link; the answer is the same whether or not the account exists',
        body: PasswordResetRequestSchema,
        response: { 202: Type.Object({ ok: Type.Literal(true) }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const started = performance.now();
      const mail = await requestPasswordReset(app.db, app.config, request.auditContext('public'), request.body.email);
      deliverLater(app.db, app.config, mail, request.log);
      await sleep(Math.max(0, RESET_ANSWER_MS - (performance.now() - started)));
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/password-reset/:token',
    {
      logLevel,
      schema: {
        tags,
        summary: 'Choose a new password with a reset link; ends every session of the account',
        params: TokenParams,
        body: PasswordResetSchema,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await resetPassword(
        app.db,
        { requestId: request.id, ip: request.ip },
        request.params.token,
        request.body.password,
      );
      return reply.code(204).send(null);
    },
  );
}
