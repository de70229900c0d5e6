import { Type } from 'typebox';
import {
  AccessTokenCreatedSchema,
  AccessTokenInputSchema,
  AccessTokenListSchema,
} from '../../../shared/schemas/users.js';
import type { Actor } from '../../auth/actor.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens.js';
import { usersPolicy } from './policy.js';

const tags = ['users'];

function ownerOf(actor: Actor): string {
  // authorize() has already refused anyone who is not a signed-in user.
  if (actor.kind !== 'user') throw new AppError('unauthorized');
  return actor.userId;
}

/** Personal access tokens for scripts: each user sees and revokes only their own. */
export function tokenRoutes(app: App): void {
  app.get(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Your access tokens (never the tokens themselves)',
        response: { 200: AccessTokenListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, usersPolicy.manageOwnTokens(request.actor), 'access_token.list', {
        type: 'access_token',
      });
      return { items: await listAccessTokens(app.db, ownerOf(request.actor)) };
    },
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        summary: 'Create an access token; it is shown in this answer only',
        body: AccessTokenInputSchema,
        response: { 201: AccessTokenCreatedSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const role = await authorize(request, usersPolicy.createToken(request.actor), 'access_token.create', {
        type: 'access_token',
      });
      const ctx = request.auditContext(role);
      const { id, token } = await createAccessToken(app.db, ctx, ownerOf(request.actor), request.body);
      return reply.code(201).send({ id, token });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke one of your access tokens',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const object = { type: 'access_token', id: request.params.id };
      const role = await authorize(request, usersPolicy.manageOwnTokens(request.actor), 'access_token.revoke', object);
      await revokeAccessToken(app.db, request.auditContext(role), ownerOf(request.actor), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
