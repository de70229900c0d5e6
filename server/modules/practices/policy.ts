import { focalPointFor, isSecretariat, representativeOf, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

export interface PracticeOwner {
  member_state: string | null;
  organization_id: string | null;
}

/**
 * Who acts for a practice's owner: the focal points of its state, the representatives of its
 * organisation. Secretariat-owned practices (member_state and organization_id null) have no
 * other owner.
 */
export function ownerRole(actor: Actor, owner: PracticeOwner): Decision {
  if (owner.member_state && focalPointFor(actor, owner.member_state)) return allow('focal_point');
  if (owner.organization_id && representativeOf(actor, owner.organization_id)) return allow('organization_rep');
  return deny;
}

/** Drafting for a state or an organisation: its focal point or representative; the secretariat for anyone. */
export function canCreate(actor: Actor, owner: PracticeOwner): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (!owner.member_state && !owner.organization_id) return deny;
  return ownerRole(actor, owner);
}

/** Everything but the published revision (drafts, the discussion, warnings): owners and the secretariat. */
export function canSeeWork(actor: Actor, owner: PracticeOwner): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  return ownerRole(actor, owner);
}

/** Editing the latest revision while it is a draft or returned; the secretariat may edit (translations) too. */
export const canEdit = canSeeWork;

/** Submitting for review: the owners only (the secretariat publishes its own directly). */
export function canSubmit(actor: Actor, owner: PracticeOwner): Decision {
  if (actor.kind === 'cli') return allow('cli');
  const own = ownerRole(actor, owner);
  if (own.allowed) return own;
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

/** Review (publish, return, reject) is the secretariat's alone. */
export function canReview(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

/**
 * Asked before a practice is even looked up, for every write: only the secretariat, focal points
 * and representatives ever change practices, so anyone else is refused without learning
 * whether the id exists.
 */
export function mayWork(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (actor.kind !== 'user') return deny;
  const acting = actor.assignments.find((a) => a.role === 'focal_point' || a.role === 'organization_rep');
  return acting ? allow(acting.role) : deny;
}
