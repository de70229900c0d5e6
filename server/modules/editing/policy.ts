import { focalPointFor, isSecretariat, representativeOf, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/** Meetings, concept notes and the agenda are the secretariat's to edit and publish. */
export function canEditMeeting(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : deny;
}

export type ContactOwner = { type: 'member_state'; id: string } | { type: 'organization'; id: string };

/** Contact details are for people working with the meeting, not the public: any signed-in user. */
export function canReadContact(actor: Actor): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (actor.kind !== 'user') return deny;
  return allow(actor.assignments[0]?.role ?? 'self');
}

/** A state's focal point edits that state's details, a representative their organisation's; the secretariat any. */
export function canEditContact(actor: Actor, owner: ContactOwner): Decision {
  if (actor.kind === 'cli') return allow('cli');
  if (isSecretariat(actor)) return allow('secretariat');
  if (owner.type === 'member_state' && focalPointFor(actor, owner.id)) return allow('focal_point');
  if (owner.type === 'organization' && representativeOf(actor, owner.id)) return allow('organization_rep');
  return deny;
}
