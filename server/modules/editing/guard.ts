import type { FastifyRequest } from 'fastify';
import { authorize, type Decision } from '../../auth/policy.js';

const roles = new WeakMap<FastifyRequest, string>();

type Params = Record<string, string | undefined>;

/**
 * A preValidation hook asking a policy before the body is even validated: a caller who may not
 * act gets 401/403 (and an audit entry) whatever they sent, rather than learning what a valid
 * body looks like. The role the policy allowed is kept for the handler's audit entry.
 */
export function guard(
  action: string,
  decide: (request: FastifyRequest, params: Params) => Decision,
  object: (params: Params) => { type: string; id: string | null },
) {
  return async (request: FastifyRequest): Promise<void> => {
    const params = (request.params ?? {}) as Params;
    const target = object(params);
    // Parameters are not validated yet: an absurd one is recorded, but not at any length.
    const id = target.id === null ? null : target.id.slice(0, 200);
    roles.set(request, await authorize(request, decide(request, params), action, { type: target.type, id }));
  };
}

/** The role a guard allowed for this request; a route without a guard is a bug, not a refusal. */
export function actingRole(request: FastifyRequest): string {
  const role = roles.get(request);
  if (role === undefined) throw new Error(`no guard ran for ${request.method} ${request.routeOptions.url}`);
  return role;
}
