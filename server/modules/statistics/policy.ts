import { focalPointFor, isSecretariat, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/** The framework and public-source imports are the secretariat's (and the command line's). */
export function canKeepStatistics(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

/** A state's report is written by that state's focal point, or by the secretariat for it. */
export function canReport(actor: Actor, iso3: string): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  return focalPointFor(actor, iso3) ? allow('focal_point') : deny;
}

/** Only the secretariat validates: what the public sees has been checked by it. */
export const canReview = canKeepStatistics;
