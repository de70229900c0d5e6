import type { Lang } from '../../shared/lang.js';
import type { Role } from '../../shared/roles.js';

import type { SessionUser } from '../../shared/schemas/auth.js';
import type { AccessToken, OutboxMessage, RoleInput, User } from '../../shared/schemas/users.js';

export type { AccessToken, OutboxMessage, RoleInput, SessionUser };
export type UserRow = User;

export interface SessionAnswer {
  user: SessionUser | null;
  csrfToken?: string;
  mfaPending?: boolean;
}

export interface SignInAnswer {
  mfaRequired: boolean;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface Invitation {
  email: string;
  name: string;
  lang: Lang;
}

/** A page-numbered list (users, outbox); the counts are optional so a lean answer still shows. */
export interface Page<T> {
  items: T[];
  page?: number;
  pageSize?: number;
  total?: number;
}

const enc = encodeURIComponent;

/** Account, user and outbox endpoints of the API. */
export const accountUrl = {
  session: '/api/auth/session',
  signIn: '/api/auth/sign-in',
  signInTotp: '/api/auth/sign-in/totp',
  signOut: '/api/auth/sign-out',
  signOutEverywhere: '/api/auth/sign-out-everywhere',
  profile: '/api/auth/profile',
  password: '/api/auth/password',
  totpSetup: '/api/auth/totp/setup',
  totpEnable: '/api/auth/totp/enable',
  totpDisable: '/api/auth/totp/disable',
  invitation: (token: string) => `/api/invitations/${enc(token)}`,
  invitations: '/api/users/invitations',
  passwordReset: '/api/password-reset',
  passwordResetToken: (token: string) => `/api/password-reset/${enc(token)}`,
  users: '/api/users',
  user: (id: string) => `/api/users/${enc(id)}`,
  userRoles: (id: string) => `/api/users/${enc(id)}/roles`,
  userRole: (id: string, assignmentId: string) => `/api/users/${enc(id)}/roles/${enc(assignmentId)}`,
  tokens: '/api/tokens',
  token: (id: string) => `/api/tokens/${enc(id)}`,
  outbox: '/api/outbox',
  audit: '/api/audit',
};

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return user !== null && user.roles.some((r) => r.role === role);
}

/** Whether the user edits some contact details: a state's focal point, an organisation's representative, the secretariat. */
export function editsContacts(user: SessionUser | null): boolean {
  return (
    user !== null &&
    user.roles.some(
      (r) =>
        r.role === 'secretariat' ||
        (r.role === 'focal_point' && r.memberState !== null) ||
        (r.role === 'organization_rep' && r.organizationId !== null),
    )
  );
}
