import { hasRole, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/*
 * Who may do what with accounts. Routes ask here, then call authorize(), which audits refusals.
 * Invitation and reset links are their own authority (whoever holds one may use it once), so
 * those routes have no policy.
 */

function secretariat(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return hasRole(actor, 'secretariat') ? allow('secretariat') : deny;
}

export const usersPolicy = {
  /** List, invite, change roles, disable: the secretariat administers accounts. */
  administer: secretariat,
  /** The outbox holds every address mail went to: secretariat only. */
  readOutbox: secretariat,
  /** Anyone signed in lists and revokes their own tokens, by session or by token. */
  manageOwnTokens(actor: Actor): Decision {
    return actor.kind === 'user' ? allow('self') : deny;
  },
  /**
   * Creating a token needs a session: a token that could mint tokens would let whoever steals
   * one keep access after it is revoked or expires.
   */
  createToken(actor: Actor): Decision {
    return actor.kind === 'user' && actor.via === 'session' ? allow('self') : deny;
  },
};
