import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { todayUtc } from './dates.js';
import { applyImport, readImportFile } from './import-actions.js';
import { SEED_INSTRUMENTS } from './instruments-seed.js';

/** Demo actions per instrument, from sourced files only (see server/db/seed/data/README.md). */
const SEED_ACTIONS: Record<string, string> = { 'tip-protocol': 'tip-protocol-actions.csv' };

/**
 * Adds the instruments that are missing and, for an instrument added now, its sourced actions.
 * An instrument already there is left as it is, with its actions: a restart never overwrites
 * the secretariat's edits, nor brings back what it deleted.
 */
export async function seedTreaties(db: Kysely<DB>, audit: AuditContext): Promise<{ instruments: string[] }> {
  const added: string[] = [];
  for (const i of SEED_INSTRUMENTS) {
    const created = await db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('instrument').select('code').where('code', '=', i.code).executeTakeFirst();
      if (exists) return false;
      const now = nowIso();
      const inserted = await trx
        .insertInto('instrument')
        .values({
          code: i.code,
          name: json(i.name),
          short_name: json(i.shortName),
          adopted_on: i.adoptedOn ?? null,
          in_force_on: i.inForceOn ?? null,
          reference: i.reference ?? null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      // Another process starting at the same moment may have added it first: then it is theirs.
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
      await writeAudit(trx, audit, { action: 'seed.instrument_created', objectType: 'instrument', objectId: i.code });
      // The instrument and its actions come together or not at all.
      const file = SEED_ACTIONS[i.code];
      if (file) {
        const csv = readFileSync(new URL(`../../db/seed/data/${file}`, import.meta.url), 'utf8');
        await applyImport(trx, audit, readImportFile(csv), todayUtc());
      }
      return true;
    });
    if (created) added.push(i.code);
  }
  return { instruments: added };
}
