import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { macSecret, type Keys } from '../../auth/crypto.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: the codes are read off paper and typed by hand.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
export const RECOVERY_CODE_PATTERN = /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{2}$/i;

/** `xxxx-xxxx-xx`: 10 characters of 31, about 50 bits each. */
export function generateRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Case and dashes do not matter to the person typing. */
export const normalizeRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Replaces the user's codes with a fresh set; only keyed hashes are stored, the plain codes are shown once. */
export async function replaceRecoveryCodes(db: Kysely<DB>, keys: Keys, userId: string): Promise<string[]> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db
    .insertInto('recovery_code')
    .values(
      codes.map((code) => ({
        id: newId(),
        user_id: userId,
        code_hash: macSecret(keys, normalizeRecoveryCode(code)),
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** Uses a code up in one conditional statement, so two requests with the same code cannot both succeed. */
export async function consumeRecoveryCode(db: Kysely<DB>, keys: Keys, userId: string, code: string): Promise<boolean> {
  if (!RECOVERY_CODE_PATTERN.test(code)) return false;
  const r = await db
    .updateTable('recovery_code')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', macSecret(keys, normalizeRecoveryCode(code)))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
