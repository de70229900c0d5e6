import { DELEGATION_DOCUMENT_KINDS, type DocumentKind } from '../../../shared/schemas/documents.js';
import { focalPointFor, isSecretariat, representativeOf, type Actor } from '../../auth/actor.js';
import { allow, deny, type Decision } from '../../auth/policy.js';

/** What the policy needs to know about a document. */
export interface DocumentAccess {
  status: string;
  distribution: string;
  member_state: string | null;
  organization_id: string | null;
  owner_id: string | null;
  owner_role: string;
}

const admin = (actor: Actor): Decision | null => {
  if (actor.kind === 'cli') return allow('cli');
  return isSecretariat(actor) ? allow('secretariat') : null;
};

/**
 * Owners of a document: its creator and, when it was filed by a focal point or a representative,
 * whoever acts for the same state or organisation (the delegation's documents are shared).
 */
function ownerRole(actor: Actor, doc: DocumentAccess): Decision | null {
  if (actor.kind !== 'user') return null;
  if (doc.owner_role === 'focal_point' && doc.member_state && focalPointFor(actor, doc.member_state)) {
    return allow('focal_point');
  }
  if (doc.owner_role === 'organization_rep' && doc.organization_id && representativeOf(actor, doc.organization_id)) {
    return allow('organization_rep');
  }
  if (doc.owner_id === actor.userId) return allow(actor.assignments[0]?.role ?? 'self');
  return null;
}

/**
 * Reading follows distribution: drafts only for the secretariat and the owners; then public for
 * everyone, participants-only for any signed-in user holding a role, secretariat-only for it.
 */
export function canRead(actor: Actor, doc: DocumentAccess): Decision {
  const a = admin(actor);
  if (a) return a;
  if (doc.status === 'draft') return ownerRole(actor, doc) ?? deny;
  if (doc.distribution === 'public') return allow(actor.kind === 'user' ? 'self' : 'public');
  if (doc.distribution === 'participants' && actor.kind === 'user' && actor.assignments.length > 0) {
    return allow(actor.assignments[0]?.role ?? 'self');
  }
  return ownerRole(actor, doc) ?? deny;
}

/** The secretariat files any document; a focal point or representative only a draft report or presentation of their own. */
export function canCreate(
  actor: Actor,
  input: { kind: DocumentKind; memberState: string | null; organizationId: string | null },
): Decision {
  const a = admin(actor);
  if (a) return a;
  if (!DELEGATION_DOCUMENT_KINDS.includes(input.kind)) return deny;
  if (input.memberState && !input.organizationId && focalPointFor(actor, input.memberState)) {
    return allow('focal_point');
  }
  if (input.organizationId && !input.memberState && representativeOf(actor, input.organizationId)) {
    return allow('organization_rep');
  }
  return deny;
}

/** Those who may file documents at all (checked before a document is looked up). */
export function mayFile(actor: Actor): Decision {
  const a = admin(actor);
  if (a) return a;
  const scoped =
    actor.kind === 'user'
      ? actor.assignments.find((x) => x.role === 'focal_point' || x.role === 'organization_rep')
      : undefined;
  return scoped ? allow(scoped.role) : deny;
}

/** Files are added by the secretariat, or by the owners while the document is a draft. */
export function canUpload(actor: Actor, doc: DocumentAccess): Decision {
  const a = admin(actor);
  if (a) return a;
  return doc.status === 'draft' ? (ownerRole(actor, doc) ?? deny) : deny;
}

/** Issuing, revising and superseding are the secretariat's. */
export function canIssue(actor: Actor): Decision {
  return admin(actor) ?? deny;
}
