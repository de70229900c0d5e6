import type { Selectable } from 'kysely';
import { isLang } from '../../../shared/lang.js';
import type { RoleAssignment } from '../../../shared/roles.js';
import type { AccessToken, OutboxMessage, User } from '../../../shared/schemas/users.js';
import type { AccessTokenTable, AppUserTable, OutboxMessageTable } from '../../db/schema.js';

/*
 * Exactly the fields that leave the server. Never a password hash, TOTP secret or token hash:
 * rows are picked field by field, not spread.
 */

export type UserRow = Pick<
  Selectable<AppUserTable>,
  'id' | 'email' | 'name' | 'preferred_lang' | 'disabled_at' | 'totp_enabled_at' | 'created_at'
>;

export const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'preferred_lang',
  'disabled_at',
  'totp_enabled_at',
  'created_at',
] as const satisfies readonly (keyof UserRow)[];

export function presentUser(row: UserRow, roles: RoleAssignment[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    lang: isLang(row.preferred_lang) ? row.preferred_lang : 'en',
    disabled: row.disabled_at !== null,
    totpEnabled: row.totp_enabled_at !== null,
    roles,
    createdAt: row.created_at,
  };
}

export function presentAccessToken(
  row: Pick<
    Selectable<AccessTokenTable>,
    'id' | 'name' | 'prefix' | 'created_at' | 'expires_at' | 'last_used_at' | 'revoked_at'
  >,
): AccessToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export function presentOutboxMessage(row: Selectable<OutboxMessageTable>): OutboxMessage {
  return {
    id: row.id,
    to: row.to_address,
    lang: isLang(row.lang) ? row.lang : 'en',
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    error: row.error,
  };
}
