import type { Kysely, Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { hashToken, randomToken } from '../../auth/secrets.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export type TokenPurpose = 'invitation' | 'reset';

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;

const LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: INVITATION_DAYS * 24 * 3600_000,
  reset: RESET_MINUTES * 60_000,
};

/** Where each link lands in the web app: `${PUBLIC_URL}/{lang}/invitation/{token}` and `/reset/{token}`. */
const PAGE: Record<TokenPurpose, string> = { invitation: 'invitation', reset: 'reset' };

export function tokenLink(publicUrl: string, purpose: TokenPurpose, lang: Lang, token: string): string {
  return `${publicUrl}/${lang}/${PAGE[purpose]}/${token}`;
}

/** Creates a single-use token and returns it; only its hash is stored, so the table grants nothing. */
export async function issueOneTimeToken(
  db: Db,
  input: { purpose: TokenPurpose; userId: string; createdBy: string | null },
): Promise<string> {
  const token = randomToken();
  const now = Date.now();
  await db
    .insertInto('one_time_token')
    .values({
      id: newId(),
      purpose: input.purpose,
      token_hash: hashToken(token),
      user_id: input.userId,
      created_by: input.createdBy,
      created_at: new Date(now).toISOString(),
      expires_at: new Date(now + LIFETIME_MS[input.purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export interface TokenHolder {
  tokenId: string;
  user: { id: string; email: string; name: string; preferred_lang: string; totp_enabled_at: string | null };
}

/** The unused, unexpired token of that purpose and its (enabled) user; anything else is null. */
export async function findValidToken(db: Db, purpose: TokenPurpose, token: string): Promise<TokenHolder | null> {
  // Our tokens are 43 URL-safe characters; anything else cannot match, so skip the query.
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return null;
  const row = await db
    .selectFrom('one_time_token')
    .innerJoin('app_user', 'app_user.id', 'one_time_token.user_id')
    .select([
      'one_time_token.id as token_id',
      'app_user.id',
      'app_user.email',
      'app_user.name',
      'app_user.preferred_lang',
      'app_user.totp_enabled_at',
    ])
    .where('one_time_token.token_hash', '=', hashToken(token))
    .where('one_time_token.purpose', '=', purpose)
    .where('one_time_token.used_at', 'is', null)
    .where('one_time_token.expires_at', '>', nowIso())
    .where('app_user.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const { token_id, ...user } = row;
  return { tokenId: token_id, user };
}

/**
 * Marks the token used with one conditional update: of two requests racing with the same link,
 * exactly one sees a row change. Call inside the transaction that applies the token's effect.
 */
export async function consumeToken(db: Db, tokenId: string): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('one_time_token')
    .set({ used_at: now })
    .where('id', '=', tokenId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Voids a user's outstanding links (all, or of one purpose): after a reset, or when disabled. */
export async function voidTokens(db: Db, userId: string, purpose?: TokenPurpose): Promise<void> {
  let q = db.updateTable('one_time_token').set({ used_at: nowIso() }).where('user_id', '=', userId);
  if (purpose) q = q.where('purpose', '=', purpose);
  await q.where('used_at', 'is', null).execute();
}
