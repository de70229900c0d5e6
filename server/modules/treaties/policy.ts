import { focalPointFor, isSecretariat, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/**
 * Treaty data is public: anyone may read instruments, actions, statuses and profiles. The
 * secretariat (and the command line) keep it: instruments, actions, imports.
 */
export function canEditTreaties(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

/** A state's focal point proposes changes to that state's national framework; the secretariat too. */
export function canProposeFramework(actor: Actor, iso3: string): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  return focalPointFor(actor, iso3) ? allow('focal_point') : deny;
}

/** Only the secretariat reviews: what the public sees has been checked by it. */
export const canReviewFramework = canEditTreaties;

/** Authorities' contacts are for signed-in users, not the public. */
export const seesContacts = (actor: Actor): boolean => actor.kind !== 'anonymous';

/**
 * How much of a state's delegations a profile shows: the secretariat all of them, the state's
 * own focal point its whole accredited delegation, everyone else what the public list shows.
 */
export function delegationAudience(actor: Actor, iso3: string): 'secretariat' | 'own' | 'public' {
  if (actor.kind === 'cli' || isSecretariat(actor)) return 'secretariat';
  return focalPointFor(actor, iso3) ? 'own' : 'public';
}
