import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { constraintViolation } from '../users/constraints.js';
import { applyGlotip, GLOTIP_SOURCE } from './glotip.js';
import { SEED_INDICATORS } from './indicators-seed.js';
import { indicatorColumns } from './repository.js';

/**
 * Adds the framework's indicators that are missing (an existing one keeps the secretariat's
 * edits) and, once, the GLOTIP file, so the demo opens on real figures. Loading the file again
 * would change nothing, but it is skipped when any GLOTIP figure is there to keep restarts fast.
 */
export async function seedStatistics(db: Kysely<DB>, audit: AuditContext): Promise<{ glotip: number }> {
  await db.transaction().execute(async (trx) => {
    for (const [position, i] of SEED_INDICATORS.entries()) {
      const now = nowIso();
      const inserted = await trx
        .insertInto('stat_indicator')
        .values({ code: i.code, position, ...indicatorColumns(i), created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        await writeAudit(trx, audit, {
          action: 'seed.indicator_created',
          objectType: 'stat_indicator',
          objectId: i.code,
        });
      }
    }
  });
  const has = await db
    .selectFrom('stat_public_value')
    .select('id')
    .where('source', '=', GLOTIP_SOURCE)
    .limit(1)
    .executeTakeFirst();
  if (has) return { glotip: 0 };
  const csv = readFileSync(new URL('../../db/seed/data/unodc-glotip-oas-2003-2018.csv', import.meta.url), 'utf8');
  try {
    const r = await db.transaction().execute((trx) => applyGlotip(trx, audit, csv));
    return { glotip: r.created };
  } catch (err) {
    // Another process starting at the same moment loaded it first: then it is there.
    if (constraintViolation(err) === 'unique') return { glotip: 0 };
    throw err;
  }
}
