import type { Kysely, Transaction } from 'kysely';
import type { Role, RoleAssignment } from '../../../shared/roles.js';
import type { RoleInput } from '../../../shared/schemas/users.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { Actor } from '../../auth/actor.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { constraintViolation } from './constraints.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface Scope {
  role: Role;
  memberState: string | null;
  organizationId: string | null;
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, { errors: [{ path, message }] });
}

/**
 * A focal point acts for one existing member state, an organisation representative for one
 * existing organisation; the secretariat and participants for no one. (The database checks the
 * same shape; this answers first with a message that names the field.)
 */
export async function checkScope(db: Db, input: RoleInput): Promise<Scope> {
  const memberState = input.memberState ?? null;
  const organizationId = input.organizationId ?? null;
  if (input.role === 'focal_point') {
    if (!memberState) throw invalid('/memberState', 'A focal point needs the member state they act for.');
    if (organizationId) throw invalid('/organizationId', 'A focal point acts for a state, not an organisation.');
    const state = await db.selectFrom('member_state').select('iso3').where('iso3', '=', memberState).executeTakeFirst();
    if (!state) throw invalid('/memberState', `"${memberState}" is not an OAS member state.`);
  } else if (input.role === 'organization_rep') {
    if (!organizationId) throw invalid('/organizationId', 'A representative needs the organisation they act for.');
    if (memberState) throw invalid('/memberState', 'A representative acts for an organisation, not a state.');
    const org = await db.selectFrom('organization').select('id').where('id', '=', organizationId).executeTakeFirst();
    if (!org) throw invalid('/organizationId', `No organisation "${organizationId}".`);
  } else if (memberState || organizationId) {
    throw invalid(
      memberState ? '/memberState' : '/organizationId',
      `The ${input.role} role has no state or organisation.`,
    );
  }
  return { role: input.role, memberState, organizationId };
}

export async function insertAssignment(db: Db, userId: string, scope: Scope): Promise<RoleAssignment> {
  const id = newId();
  await db
    .insertInto('role_assignment')
    .values({
      id,
      user_id: userId,
      role: scope.role,
      member_state: scope.memberState,
      organization_id: scope.organizationId,
      created_at: nowIso(),
    })
    .execute();
  return { id, ...scope };
}

/** What the database says when a write slips past the checks above (a race, a deleted organisation). */
export function assignmentError(err: unknown): unknown {
  switch (constraintViolation(err)) {
    case 'unique':
      return new AppError('conflict', 'The user already holds this role.', { reason: 'role_held' });
    case 'check':
    case 'foreign_key':
      return invalid('/role', 'This role does not fit that state or organisation.');
    default:
      return err;
  }
}

const describe = (s: Scope) => ({
  role: s.role,
  memberState: s.memberState,
  organizationId: s.organizationId,
});

export async function addRole(db: Kysely<DB>, ctx: AuditContext, userId: string, input: RoleInput) {
  const user = await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError('not_found', 'No such user.');
  const scope = await checkScope(db, input);
  try {
    return await db.transaction().execute(async (trx) => {
      const assignment = await insertAssignment(trx, userId, scope);
      await writeAudit(trx, ctx, {
        action: 'role.add',
        objectType: 'user',
        objectId: userId,
        changes: { assignment: { before: null, after: { id: assignment.id, ...describe(scope) } } },
      });
      return assignment;
    });
  } catch (err) {
    throw assignmentError(err);
  }
}

export async function removeRole(
  db: Kysely<DB>,
  ctx: AuditContext,
  actor: Actor,
  userId: string,
  assignmentId: string,
): Promise<void> {
  // Looked up through its user: an assignment id from another account is simply not found.
  const row = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'member_state', 'organization_id'])
    .where('id', '=', assignmentId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such role assignment for this user.');
  // Removing one's own secretariat role by mistake would lock the remover out of this very screen.
  if (row.role === 'secretariat' && actor.kind === 'user' && actor.userId === userId) {
    throw new AppError('conflict', 'You cannot remove your own secretariat role.', { reason: 'self' });
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('role_assignment').where('id', '=', row.id).execute();
    const before = { role: row.role as Role, memberState: row.member_state, organizationId: row.organization_id };
    await writeAudit(trx, ctx, {
      action: 'role.remove',
      objectType: 'user',
      objectId: userId,
      changes: { assignment: { before: { id: row.id, ...before }, after: null } },
    });
  });
}
