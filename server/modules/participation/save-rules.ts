import type { Transaction } from 'kysely';
import type { ParticipationRules } from '../../../shared/schemas/participation.js';
import { diff, writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json, parseJson } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { parsePlaceKey, placeKey, placesFor } from './allocation.js';
import { categoryRule, checkRules } from './rules.js';

/**
 * Replaces a meeting's rules and recounts every place under them. The rules row is written first,
 * which waits for registrations in flight (they hold it FOR SHARE on PostgreSQL; SQLite has one
 * writer), so the recount sees every committed place and none can slip in before the new caps.
 * Rules that would leave a group over its new limit (beyond places the secretariat granted by
 * override) are refused, naming each group, and nothing changes.
 */
export async function saveRules(
  trx: Transaction<DB>,
  ctx: AuditContext,
  meeting: { id: string; slug: string },
  rules: ParticipationRules,
): Promise<ParticipationRules> {
  const states = await trx.selectFrom('member_state').select('iso3').execute();
  checkRules(rules, new Set(states.map((s) => s.iso3)));
  const now = nowIso();
  const before = await trx
    .selectFrom('participation_rules')
    .select('rules')
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst();
  await trx
    .insertInto('participation_rules')
    .values({ meeting_id: meeting.id, rules: json(rules), updated_at: now })
    .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ rules: json(rules), updated_at: now }))
    .execute();

  const holders = await trx
    .selectFrom('registration')
    .select(['id', 'category', 'member_state', 'organization_id', 'over_quota', 'allocations'])
    .where('meeting_id', '=', meeting.id)
    .where('holds_place', '=', 1)
    .execute();
  const problems: { path: string; message: string }[] = [];
  const used = new Map<string, { cap: number; used: number; over: number }>();
  const moves: { id: string; keys: string }[] = [];
  const missing = new Map<string, number>();
  for (const h of holders) {
    const rule = categoryRule(rules, h.category as never);
    if (!rule) {
      missing.set(h.category, (missing.get(h.category) ?? 0) + 1);
      continue;
    }
    const places = placesFor(rules, rule, { memberState: h.member_state, organizationId: h.organization_id });
    for (const p of places) {
      const entry = used.get(placeKey(p)) ?? { cap: p.cap, used: 0, over: 0 };
      entry.used += 1;
      entry.over += h.over_quota;
      used.set(placeKey(p), entry);
    }
    const keys = json(places.map(placeKey));
    if (keys !== h.allocations) moves.push({ id: h.id, keys });
  }
  for (const [category, n] of missing) {
    problems.push({
      path: 'body/categories',
      message: `"${category}" cannot be removed: ${n} people hold places in it`,
    });
  }
  for (const [key, e] of used) {
    if (e.used - e.cap > e.over) {
      const { category, scope } = parsePlaceKey(key);
      const what = category === '*' ? 'in total' : `as "${category}"`;
      problems.push({
        path: 'body/categories',
        message: `${scope.replace(/^state:|^org:/, '')} has ${e.used} people ${what}; the new limit is ${e.cap}`,
      });
    }
  }
  if (problems.length) {
    throw new AppError('conflict', `The new rules leave places over their limits: ${problems[0]?.message}`, {
      errors: problems,
    });
  }

  await trx.deleteFrom('allocation').where('meeting_id', '=', meeting.id).execute();
  for (const [key, e] of used) {
    const { category, scope } = parsePlaceKey(key);
    await trx
      .insertInto('allocation')
      .values({
        id: newId(),
        meeting_id: meeting.id,
        category,
        scope,
        cap: e.cap,
        used: e.used,
        extra: Math.max(0, e.used - e.cap),
      })
      .execute();
  }
  for (const m of moves) {
    await trx.updateTable('registration').set({ allocations: m.keys }).where('id', '=', m.id).execute();
  }
  const old = before ? parseJson<ParticipationRules>(before.rules, 'participation_rules.rules') : null;
  await writeAudit(trx, ctx, {
    action: 'participation_rules.update',
    objectType: 'meeting',
    objectId: meeting.slug,
    changes: diff<Record<string, unknown>>(old ?? null, rules),
  });
  return rules;
}
