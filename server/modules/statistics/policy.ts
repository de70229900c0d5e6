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

/** The states whose reports a focal point writes (none for anyone else). */
export function focalStates(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return actor.assignments.flatMap((a) => (a.role === 'focal_point' && a.memberState ? [a.memberState] : []));
}

/**
 * Lists of reports: the secretariat sees every state's; a focal point sees their own state's,
 * and asking for another state's is refused rather than answered with an empty list.
 */
export function canListReports(actor: Actor, iso3: string | undefined): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (iso3 !== undefined) return canReport(actor, iso3);
  return focalStates(actor).length > 0 ? allow('focal_point') : deny;
}
