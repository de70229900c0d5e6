import type { Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { PersonInput } from '../../../shared/schemas/participation.js';
import { writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { parseJson } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { QueuedMail } from '../../mail/mailer.js';
import { releasePlaces } from './allocation.js';
import { registrationMail } from './mail.js';
import { normalizePerson } from './person.js';
import type { RegistrationRow } from './presenter.js';
import {
  checkWindow,
  insertRegistration,
  isAdminRole,
  personAudit,
  type Acting,
  type ParticipationDeps,
} from './register.js';
import { readRules } from './rules.js';

const PENDING = ['nominated', 'applied'];
const HOLDING = ['nominated', 'applied', 'accredited'];

/**
 * Takes the registration's row lock (a no-op write: row lock on PostgreSQL, the write lock on
 * SQLite) so two decisions on one person cannot both pass their status check.
 */
export async function lockRegistration(trx: Transaction<DB>, meetingId: string, id: string): Promise<RegistrationRow> {
  const row = await trx
    .updateTable('registration')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such registration at this meeting.');
  return row;
}

const statusConflict = (row: RegistrationRow, action: string) =>
  new AppError('conflict', `This registration is ${row.status}; it cannot be ${action}.`, { status: row.status });

async function clearHead(trx: Transaction<DB>, row: RegistrationRow, replacement: string | null): Promise<void> {
  if (!row.delegation_id) return;
  await trx
    .updateTable('delegation')
    .set({ head_registration_id: replacement, updated_at: nowIso() })
    .where('id', '=', row.delegation_id)
    .where('head_registration_id', '=', row.id)
    .execute();
}

export async function decide(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  acting: Acting,
  meeting: { id: string },
  id: string,
  input: { decision: 'accredit' | 'reject'; reason?: string },
): Promise<{ row: RegistrationRow; mail: QueuedMail[] }> {
  // Held for the transaction, so a change of rules (which recounts places) cannot miss this release.
  await readRules(trx, meeting.id, { engine: deps.engine, share: true });
  const row = await lockRegistration(trx, meeting.id, id);
  if (!PENDING.includes(row.status)) {
    throw statusConflict(row, input.decision === 'accredit' ? 'accredited' : 'rejected');
  }
  if (input.decision === 'reject' && !input.reason?.trim()) {
    throw new AppError('validation_failed', 'body/reason: a rejection needs a reason, which the person is told', {
      errors: [{ path: 'body/reason', message: 'is required when rejecting', reason: 'reason_required' }],
    });
  }
  const status = input.decision === 'accredit' ? 'accredited' : 'rejected';
  if (status === 'rejected') {
    await releasePlaces(trx, meeting.id, parseJson<string[]>(row.allocations, 'registration.allocations'));
    await clearHead(trx, row, null);
  }
  const now = nowIso();
  const updated = await trx
    .updateTable('registration')
    .set({
      status,
      holds_place: status === 'accredited' ? 1 : 0,
      decision_reason: input.reason?.normalize('NFC').trim() ?? null,
      decided_at: now,
      decided_by: acting.ctx.actor.kind === 'user' ? acting.ctx.actor.userId : null,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, acting.ctx, {
    action: `registration.${input.decision}`,
    objectType: 'registration',
    objectId: id,
    changes: {
      status: { before: row.status, after: status },
      ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
    },
  });
  return { row: updated, mail: await registrationMail(trx, deps, updated, status) };
}

export async function withdraw(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  acting: Acting,
  meeting: { id: string },
  id: string,
  reason: string | undefined,
): Promise<{ row: RegistrationRow; mail: QueuedMail[] }> {
  await readRules(trx, meeting.id, { engine: deps.engine, share: true });
  const row = await lockRegistration(trx, meeting.id, id);
  if (!HOLDING.includes(row.status)) throw statusConflict(row, 'withdrawn');
  await releasePlaces(trx, meeting.id, parseJson<string[]>(row.allocations, 'registration.allocations'));
  await clearHead(trx, row, null);
  const now = nowIso();
  const updated = await trx
    .updateTable('registration')
    .set({
      status: 'withdrawn',
      holds_place: 0,
      decision_reason: reason?.normalize('NFC').trim() ?? null,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, acting.ctx, {
    action: 'registration.withdraw',
    objectType: 'registration',
    objectId: id,
    changes: {
      status: { before: row.status, after: 'withdrawn' },
      ...(reason ? { reason: { before: null, after: reason } } : {}),
    },
  });
  return { row: updated, mail: await registrationMail(trx, deps, updated, 'withdrawn') };
}

/**
 * A replacement takes the person's place: the place passes from one row to the other without
 * being released, so no one else can take it in between, and the first row stays as history
 * (status substituted, pointing to its replacement). The replacement is pending again.
 */
export async function substitute(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  acting: Acting,
  meeting: { id: string },
  id: string,
  input: { person: PersonInput; reason?: string },
  lang: Lang,
  nowMs = Date.now(),
): Promise<{ row: RegistrationRow; mail: QueuedMail[] }> {
  const rules = await readRules(trx, meeting.id, { engine: deps.engine, share: true });
  const old = await lockRegistration(trx, meeting.id, id);
  if (!HOLDING.includes(old.status)) throw statusConflict(old, 'substituted');
  // A substitution adds a person: after the deadline only the secretariat may.
  checkWindow(rules, acting.role, nowMs);
  const person = normalizePerson(input.person, {
    path: 'body/person',
    fallbackLang: lang,
    requiresIdDocument: rules.requiresIdDocument,
  });
  const replacement = await insertRegistration(trx, deps, {
    meetingId: meeting.id,
    category: old.category,
    target: { memberState: old.member_state, organizationId: old.organization_id },
    delegationId: old.delegation_id,
    status: old.status === 'applied' ? 'applied' : 'nominated',
    person,
    allocations: parseJson<string[]>(old.allocations, 'registration.allocations'),
    overQuota: old.over_quota === 1,
    substitutesId: old.id,
    createdBy: acting.ctx.actor.kind === 'user' ? acting.ctx.actor.userId : null,
    nominator: acting.nominator,
  });
  const now = nowIso();
  const replaced = await trx
    .updateTable('registration')
    .set({
      status: 'substituted',
      holds_place: 0,
      allocations: '[]',
      substituted_by_id: replacement.id,
      decision_reason: input.reason?.normalize('NFC').trim() ?? null,
      updated_at: now,
    })
    .where('id', '=', old.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await clearHead(trx, old, replacement.id);
  await writeAudit(trx, acting.ctx, {
    action: 'registration.substitute',
    objectType: 'registration',
    objectId: old.id,
    changes: {
      status: { before: old.status, after: 'substituted' },
      replacement: { before: null, after: replacement.id },
      ...(input.reason ? { reason: { before: null, after: input.reason } } : {}),
    },
  });
  await writeAudit(trx, acting.ctx, {
    action: 'registration.create',
    objectType: 'registration',
    objectId: replacement.id,
    changes: {
      substitutes: { before: null, after: old.id },
      status: { before: null, after: replacement.status },
      ...personAudit(person),
    },
  });
  const mail = [
    ...(await registrationMail(trx, deps, replaced, 'substituted')),
    ...(await registrationMail(trx, deps, replacement, 'received')),
  ];
  return { row: replacement, mail };
}

export { isAdminRole };
