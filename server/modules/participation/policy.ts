import type { CategoryRule } from '../../../shared/schemas/participation.js';
import { focalPointFor, isSecretariat, representativeOf, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

export interface Target {
  memberState: string | null;
  organizationId: string | null;
}

/**
 * Who may put a person in a category for a state or organisation: the rule names the registrars;
 * a focal point acts only for their state, a representative only for their organisation.
 * Anyone (signed in or not) may apply where the rule admits the person themselves; they are
 * recorded as applicants, pending the secretariat's decision.
 */
export function canRegister(actor: Actor, rule: CategoryRule, target: Target): Decision {
  if (actor.kind === 'cli') return allow('cli');
  // The secretariat registers in every category (quotas and overrides still apply).
  if (isSecretariat(actor)) return allow('secretariat');
  const by = rule.registrars;
  if (by.includes('focal_point') && target.memberState && focalPointFor(actor, target.memberState)) {
    return allow('focal_point');
  }
  if (by.includes('organization_rep') && target.organizationId && representativeOf(actor, target.organizationId)) {
    return allow('organization_rep');
  }
  if (by.includes('self')) return allow(actor.kind === 'user' ? 'self' : 'public');
  return deny;
}

/** A delegation is seen and managed by the secretariat and by whoever acts for it. */
export function canManageDelegation(actor: Actor, target: Target): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (target.memberState && focalPointFor(actor, target.memberState)) return allow('focal_point');
  if (target.organizationId && representativeOf(actor, target.organizationId)) return allow('organization_rep');
  return deny;
}

/** Accreditation, rules, overrides, badges and the registration desk are the secretariat's. */
export function canAdminister(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

/** Any signed-in user may list registrations; what they see is narrowed to what they act for. */
export function canListRegistrations(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (actor.kind !== 'user') return deny;
  const scoped = actor.assignments.find((a) => a.role === 'focal_point' || a.role === 'organization_rep');
  return scoped ? allow(scoped.role) : deny;
}

/** The states and organisations a caller acts for (null: all of them). */
export function visibleScope(actor: Actor): { memberStates: string[]; organizations: string[] } | null {
  if (actor.kind === 'cli' || isSecretariat(actor)) return null;
  if (actor.kind !== 'user') return { memberStates: [], organizations: [] };
  return {
    memberStates: actor.assignments.flatMap((a) => (a.role === 'focal_point' && a.memberState ? [a.memberState] : [])),
    organizations: actor.assignments.flatMap((a) =>
      a.role === 'organization_rep' && a.organizationId ? [a.organizationId] : [],
    ),
  };
}
