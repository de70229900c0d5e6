import type { FastifyRequest } from 'fastify';
import type { Role } from '../../shared/roles.js';
import { writeAudit } from '../audit/audit.js';
import { AppError } from '../http/errors.js';
import type { Actor } from './actor.js';

/** A policy's answer: allowed, and in which role (recorded in the audit trail), or refused. */
export type Decision = { allowed: true; role: Role | 'cli' | 'self' | 'public' } | { allowed: false };

export const allow = (role: Role | 'cli' | 'self' | 'public'): Decision => ({ allowed: true, role });
export const deny: Decision = { allowed: false };

/**
 * Routes ask a feature's policy, then call this: a refusal is recorded in the audit trail and
 * answered 401 (not signed in) or 403; an allowance returns the role the actor acts in.
 */
export async function authorize(
  request: FastifyRequest,
  decision: Decision,
  action: string,
  object?: { type: string; id?: string | null },
): Promise<string> {
  if (decision.allowed) return decision.role;
  const actor: Actor = request.actor;
  await writeAudit(request.server.db, request.auditContext(null), {
    action,
    outcome: 'denied',
    objectType: object?.type,
    objectId: object?.id ?? null,
  });
  if (actor.kind === 'anonymous') throw new AppError('unauthorized', 'Sign in to do this.');
  throw new AppError('forbidden', 'Your roles do not allow this.');
}
