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
