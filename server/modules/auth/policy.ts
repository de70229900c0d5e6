import { isSecretariat, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/** One's own profile: any signed-in user, by session or by access token. */
export const mayEditOwnProfile = (actor: Actor): Decision => (actor.kind === 'user' ? allow('self') : deny);

/**
 * Credentials and sessions (password, second factor, sign-out everywhere) change only from a
 * browser session: a leaked script token must not be able to take over the account.
 */
export const mayManageOwnCredentials = (actor: Actor): Decision =>
  actor.kind === 'user' && actor.via === 'session' ? allow('self') : deny;

/** The secretariat holds every permission, so its second factor, once enrolled, stays. */
export const mayDisableOwnTotp = (actor: Actor): Decision =>
  mayManageOwnCredentials(actor).allowed && !isSecretariat(actor) ? allow('self') : deny;
