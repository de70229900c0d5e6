import fastifyCookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditContext } from '../audit/audit.js';
import type { Config } from '../config.js';
import { AppError } from '../http/errors.js';
import type { App } from '../http/types.js';
import { ANONYMOUS, type Actor, type UserActor } from './actor.js';
import { safeEqual } from './secrets.js';
import { resolveAccessToken, resolveSession } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Audit context of this request, in the role the policy allowed (null for refusals). */
    auditContext(role: string | null): AuditContext;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `__Host-` pins the cookie to this origin over HTTPS; plain HTTP (development) cannot use it. */
export function sessionCookieName(config: Config): string {
  return config.publicUrl.startsWith('https:') ? '__Host-continental' : 'continental';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, expiresAt: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https:'),
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), { path: '/', secure: config.publicUrl.startsWith('https:') });
}

export async function registerAuth(app: App, config: Config): Promise<void> {
  await app.register(fastifyCookie);
  // Set per request in onRequest (Fastify refuses shared object defaults on decorators).
  app.decorateRequest('actor', null as never);
  app.decorateRequest('pendingMfa', null as never);
  app.decorateRequest('auditContext', function (this: FastifyRequest, role: string | null): AuditContext {
    return { actor: this.actor, role, requestId: this.id, ip: this.ip };
  });

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization);
      const actor = match?.[1] ? await resolveAccessToken(app.db, match[1]) : null;
      if (!actor) throw new AppError('unauthorized', 'The access token is invalid, expired or revoked.');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[sessionCookieName(config)];
    if (!cookie) return;
    const state = await resolveSession(app.db, cookie, config.session);
    if (!state) {
      clearSessionCookie(reply, config);
      return;
    }
    // A session waiting for its second factor may only finish signing in.
    if (state.mfaPending) {
      request.actor = ANONYMOUS;
      request.pendingMfa = state.actor;
      return;
    }
    request.actor = state.actor;
  });

  // CSRF: a cookie-authenticated write must carry the session's token in X-CSRF-Token. Token
  // (Bearer) requests carry no ambient credential and are exempt. Writes without a session
  // (sign-in, invitations, reset) must come from our own origin when a browser says where from.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) return;
    const actor = request.actor;
    if (actor.kind === 'user' && actor.via === 'session') {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !actor.csrfToken || !safeEqual(sent, actor.csrfToken)) {
        throw new AppError('forbidden', 'Missing or wrong CSRF token.', { reason: 'csrf' });
      }
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== new URL(config.publicUrl).origin) {
      throw new AppError('forbidden', 'Cross-origin request refused.', { reason: 'origin' });
    }
  });

  // Nothing personal may sit in a shared cache.
  app.addHook('onSend', async (request, reply) => {
    if (request.actor.kind === 'user' || request.pendingMfa) reply.header('cache-control', 'no-store');
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    pendingMfa: UserActor | null;
  }
}
