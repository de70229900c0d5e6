import { sql, type Transaction } from 'kysely';
import type { Category, CategoryRule, ParticipationRules } from '../../../shared/schemas/participation.js';
import { newId } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

/** A limited thing a registration takes a place in: a category within a scope, or a state's total ("*"). */
export interface Place {
  category: Category | '*';
  scope: string;
  cap: number;
}

export const placeKey = (p: { category: string; scope: string }): string => `${p.category}|${p.scope}`;

export function parsePlaceKey(key: string): { category: string; scope: string } {
  const bar = key.indexOf('|');
  return { category: key.slice(0, bar), scope: key.slice(bar + 1) };
}

export const stateScope = (iso3: string): string => `state:${iso3}`;
export const organizationScope = (id: string): string => `org:${id}`;

/** Where a registration sits: the delegation scope its category groups it in (if any). */
export function delegationScope(
  rule: CategoryRule,
  target: { memberState: string | null; organizationId: string | null },
): string | null {
  if (rule.delegation === 'member_state' && target.memberState) return stateScope(target.memberState);
  if (rule.delegation === 'organization' && target.organizationId) return organizationScope(target.organizationId);
  return null;
}

/** The limited places a registration in this category and delegation takes, in a fixed order. */
export function placesFor(
  rules: ParticipationRules,
  rule: CategoryRule,
  target: { memberState: string | null; organizationId: string | null },
): Place[] {
  const places: Place[] = [];
  if (rule.limit !== null) {
    const scope = rule.limitScope === 'meeting' ? 'meeting' : delegationScope(rule, target);
    if (scope) places.push({ category: rule.code, scope, cap: rule.limit });
  }
  if (rules.perStateTotal !== null && rule.countsTowardStateTotal && target.memberState) {
    places.push({ category: '*', scope: stateScope(target.memberState), cap: rules.perStateTotal });
  }
  return places.sort(lockOrder);
}

/**
 * The one order in which every transaction touches allocation rows, taking places or giving them
 * back, so two transactions never wait on each other's rows crosswise (a deadlock on PostgreSQL);
 * the category before the total, so a refusal names the most specific limit.
 */
export const lockOrder = (a: { category: string; scope: string }, b: { category: string; scope: string }): number =>
  Number(a.category === '*') - Number(b.category === '*') || placeKey(a).localeCompare(placeKey(b));

/**
 * Takes one place in each limited thing, or fails with 409 quota_exceeded naming the first one full.
 * Each place is one conditional UPDATE: under concurrency the database decides who gets the last
 * place, never a count read earlier. With an override (the secretariat's, with a reason) a full
 * place is taken anyway and recorded as `extra`; the result says which places were over.
 */
export async function takePlaces(
  trx: Transaction<DB>,
  meetingId: string,
  places: Place[],
  override: boolean,
): Promise<{ keys: string[]; over: string[] }> {
  const over: string[] = [];
  for (const place of places) {
    let taken = await take(trx, meetingId, place);
    if (!taken) {
      // First place ever taken in this group: create its row (a concurrent first meets the
      // unique constraint and does nothing), then take the place as anyone else would.
      await trx
        .insertInto('allocation')
        .values({
          id: newId(),
          meeting_id: meetingId,
          category: place.category,
          scope: place.scope,
          cap: place.cap,
          used: 0,
          extra: 0,
        })
        .onConflict((oc) => oc.columns(['meeting_id', 'category', 'scope']).doNothing())
        .execute();
      taken = await take(trx, meetingId, place);
    }
    if (taken) continue;
    if (!override) throw quotaExceeded(place);
    await trx
      .updateTable('allocation')
      .set({ used: sql`used + 1`, extra: sql`extra + 1` })
      .where('meeting_id', '=', meetingId)
      .where('category', '=', place.category)
      .where('scope', '=', place.scope)
      .execute();
    over.push(placeKey(place));
  }
  return { keys: places.map(placeKey), over };
}

/** The conditional UPDATE that takes one place; no row back means the group is full (or has no row yet). */
function take(trx: Transaction<DB>, meetingId: string, place: Place) {
  return trx
    .updateTable('allocation')
    .set({ used: sql`used + 1` })
    .where('meeting_id', '=', meetingId)
    .where('category', '=', place.category)
    .where('scope', '=', place.scope)
    .where(sql<boolean>`used < cap`)
    .returning('id')
    .executeTakeFirst();
}

function quotaExceeded(place: Place): AppError {
  const category = place.category === '*' ? 'total' : place.category;
  const where = place.scope === 'meeting' ? 'the meeting' : place.scope.replace(/^state:|^org:/, '');
  const what = category === 'total' ? 'people in all' : `"${category}"`;
  return new AppError(
    'quota_exceeded',
    `No place left: ${where} already has ${place.cap} ${what} place${place.cap === 1 ? '' : 's'} taken.`,
    { category, scope: place.scope, limit: place.cap },
  );
}

/**
 * Gives places back. A place granted beyond the cap is given back first: after an override the
 * group returns to its cap rather than opening a place the cap does not allow.
 */
export async function releasePlaces(trx: Transaction<DB>, meetingId: string, keys: string[]): Promise<void> {
  for (const { category, scope } of keys.map(parsePlaceKey).sort(lockOrder)) {
    await trx
      .updateTable('allocation')
      .set({
        used: sql`used - 1`,
        extra: sql`case when used - 1 - cap < extra then (case when used - 1 - cap > 0 then used - 1 - cap else 0 end) else extra end`,
      })
      .where('meeting_id', '=', meetingId)
      .where('category', '=', category)
      .where('scope', '=', scope)
      .execute();
  }
}
