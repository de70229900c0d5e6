import type { Role } from '../../../shared/roles.js';
import type { TestApp } from '../../test/app.js';
import { createUser, signIn } from '../../test/users.js';

export interface Caller {
  email: string;
  /** Session cookie and CSRF token, as a browser sends them on a write. */
  headers: Record<string, string>;
}

/** A user with the given roles, signed in through the real sign-in route. */
export async function callerWith(
  t: TestApp,
  roles: { role: Role; memberState?: string; organizationId?: string }[],
): Promise<Caller> {
  const user = await createUser(t.database.db, { roles });
  const { cookie, csrfToken } = await signIn(t.app, user.email, user.password);
  return { email: user.email, headers: { cookie, 'x-csrf-token': csrfToken } };
}

export const secretariat = (t: TestApp) => callerWith(t, [{ role: 'secretariat' }]);

/** A multilingual title in the shape the editing API takes: French original, optional English. */
export const frenchTitle = (fr: string, en?: string) => ({
  original: 'fr' as const,
  values: { fr: { text: fr, official: true }, ...(en ? { en: { text: en, official: false } } : {}) },
});

/** PATCH /api/meetings/:slug as `caller` (anonymous when null). */
export function patchMeeting(t: TestApp, slug: string, payload: unknown, caller: Caller | null) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/meetings/${slug}?lang=en`,
    headers: caller?.headers ?? {},
    payload: payload as object,
  });
}

/** The audit entries of one action on one object, oldest first. */
export function auditRowsFor(t: TestApp, action: string, objectId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('object_id', '=', objectId)
    .orderBy('at')
    .execute();
}
