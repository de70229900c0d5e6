import type { Transaction } from 'kysely';
import type { CategoryRule } from '../../../shared/schemas/participation.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import type { Target } from './policy.js';

/**
 * The delegation a registration belongs to, created on first use. `do nothing` without a conflict
 * target works on both engines and lets two first registrations of a state meet at the unique index.
 */
export async function ensureDelegation(
  trx: Transaction<DB>,
  meetingId: string,
  rule: CategoryRule,
  target: Target,
): Promise<string | null> {
  const owner =
    rule.delegation === 'member_state' && target.memberState
      ? { member_state: target.memberState, organization_id: null }
      : rule.delegation === 'organization' && target.organizationId
        ? { member_state: null, organization_id: target.organizationId }
        : null;
  if (!owner) return null;
  return delegationId(trx, meetingId, owner, true);
}

export async function delegationId(
  trx: Transaction<DB>,
  meetingId: string,
  owner: { member_state: string | null; organization_id: string | null },
  create: boolean,
): Promise<string | null> {
  const find = () => {
    let q = trx.selectFrom('delegation').select('id').where('meeting_id', '=', meetingId);
    q = owner.member_state
      ? q.where('member_state', '=', owner.member_state)
      : q.where('organization_id', '=', owner.organization_id ?? '');
    return q.executeTakeFirst();
  };
  const found = await find();
  if (found || !create) return found?.id ?? null;
  await trx
    .insertInto('delegation')
    .values({ id: newId(), meeting_id: meetingId, ...owner, credentials_status: 'missing', updated_at: nowIso() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (await find())?.id ?? null;
}
