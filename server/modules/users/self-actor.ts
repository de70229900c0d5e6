import type { Lang } from '../../../shared/lang.js';
import type { AuditContext } from '../../audit/audit.js';
import type { UserActor } from '../../auth/actor.js';

/**
 * Whoever holds a valid invitation or reset link acts as that user: the audit entry names them,
 * in the role 'self', although the request itself carried no session.
 */
export function selfContext(
  user: { id: string; email: string; name: string; preferred_lang: string },
  request: Pick<AuditContext, 'requestId' | 'ip'>,
): AuditContext {
  const actor: UserActor = {
    kind: 'user',
    userId: user.id,
    email: user.email,
    name: user.name,
    lang: user.preferred_lang as Lang,
    assignments: [],
    via: 'session',
  };
  return { actor, role: 'self', requestId: request.requestId, ip: request.ip };
}
