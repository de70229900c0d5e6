import type { Lang } from '../../shared/lang.js';
import type { Role, RoleAssignment } from '../../shared/roles.js';

/** Who is acting: a signed-in user (by session or token), the command line, or the anonymous public. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      lang: Lang;
      assignments: RoleAssignment[];
      via: 'session' | 'token';
      /** For sessions: the hash identifying it (sign-out) and its CSRF token. */
      sessionIdHash?: string;
      csrfToken?: string;
      tokenId?: string;
    }
  | { kind: 'cli'; label: string }
  | { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function hasRole(actor: Actor, role: Role): RoleAssignment | undefined {
  return actor.kind === 'user' ? actor.assignments.find((a) => a.role === role) : undefined;
}

export const isSecretariat = (actor: Actor): boolean =>
  actor.kind === 'cli' || hasRole(actor, 'secretariat') !== undefined;

export function focalPointFor(actor: Actor, iso3: string): RoleAssignment | undefined {
  return actor.kind === 'user'
    ? actor.assignments.find((a) => a.role === 'focal_point' && a.memberState === iso3)
    : undefined;
}

export function representativeOf(actor: Actor, organizationId: string): RoleAssignment | undefined {
  return actor.kind === 'user'
    ? actor.assignments.find((a) => a.role === 'organization_rep' && a.organizationId === organizationId)
    : undefined;
}
