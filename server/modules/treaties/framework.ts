import type { Selectable } from 'kysely';
import type {
  FrameworkEntry,
  FrameworkKind,
  NationalFramework,
  Proposal,
  ProposalInput,
  ReviewInput,
} from '../../../shared/schemas/treaties.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json, parseJson } from '../../db/json.js';
import type { DB, FrameworkProposalTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { Issues } from '../editing/validation.js';
import { parsePartialDate, todayUtc } from './dates.js';
import type { Db } from './repository.js';
import type { Transaction } from 'kysely';

type Data = Record<string, unknown>;

/** The reviewed national framework of a state; authorities only when `withContacts`. */
export async function nationalFramework(db: Db, iso3: string, withContacts: boolean): Promise<NationalFramework> {
  const entries = await db
    .selectFrom('framework_entry')
    .selectAll()
    .where('member_state', '=', iso3)
    .where('removed_at', 'is', null)
    .orderBy('created_at')
    .execute();
  const accepted = await db
    .selectFrom('framework_proposal')
    .select(['entry_id', 'entry_version', 'data', 'reviewed_at'])
    .where('member_state', '=', iso3)
    .where('status', '=', 'accepted')
    .where('operation', '!=', 'remove')
    .orderBy('entry_version', 'desc')
    .execute();
  const present = (e: (typeof entries)[number]): FrameworkEntry => ({
    id: e.id,
    kind: e.kind as FrameworkKind,
    version: e.version,
    data: parseJson<Data>(e.data, 'framework_entry.data'),
    updatedAt: e.updated_at,
    history: accepted
      .filter((p) => p.entry_id === e.id && p.entry_version !== null && p.entry_version < e.version)
      .map((p) => ({
        version: p.entry_version ?? 0,
        data: parseJson<Data>(p.data ?? '{}', 'framework_proposal.data'),
        reviewedAt: p.reviewed_at ?? '',
      })),
  });
  const of = (kind: FrameworkKind) => entries.filter((e) => e.kind === kind).map(present);
  return {
    legislation: of('legislation'),
    actionPlans: of('action_plan'),
    authorities: withContacts ? of('authority') : null,
  };
}

export function presentProposal(row: Selectable<FrameworkProposalTable>): Proposal {
  return {
    id: row.id,
    memberState: row.member_state,
    kind: row.kind as FrameworkKind,
    operation: row.operation as Proposal['operation'],
    entryId: row.entry_id,
    data: row.data === null ? null : parseJson<Data>(row.data, 'framework_proposal.data'),
    status: row.status as Proposal['status'],
    proposedRole: row.proposed_role,
    proposedAt: row.proposed_at,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
  };
}

/** Checks beyond the schema: a real date not in the future, a plan's period in order. */
function checkData(kind: FrameworkKind, data: Data): Data {
  const issues = new Issues();
  const date = parsePartialDate(String(data.date ?? ''));
  if (!date) issues.add('body/data/date', 'is not a date (YYYY-MM-DD, YYYY-MM or YYYY)');
  else if (date.earliest > todayUtc()) issues.add('body/data/date', 'is in the future');
  if (kind === 'action_plan') {
    const start = data.periodStart as number | null;
    const end = data.periodEnd as number | null;
    if (start !== null && end !== null && end < start)
      issues.add('body/data/periodEnd', 'must not be before periodStart');
  }
  issues.throwIfAny();
  const clean: Data = {};
  for (const [k, v] of Object.entries(data)) clean[k] = typeof v === 'string' ? v.normalize('NFC').trim() : v;
  return clean;
}

export async function propose(
  trx: Transaction<DB>,
  audit: AuditContext,
  iso3: string,
  input: ProposalInput,
  proposedBy: string | null,
): Promise<Proposal> {
  const state = await trx.selectFrom('member_state').select('iso3').where('iso3', '=', iso3).executeTakeFirst();
  if (!state) throw new AppError('not_found', `No member state "${iso3}".`);
  let kind: FrameworkKind;
  let data: Data | null = null;
  let operation: Proposal['operation'] = 'create';
  const entryId = input.entryId ?? null;
  if (entryId) {
    const entry = await trx
      .selectFrom('framework_entry')
      .select(['kind', 'removed_at'])
      .where('id', '=', entryId)
      .where('member_state', '=', iso3)
      .executeTakeFirst();
    if (!entry || entry.removed_at) throw new AppError('not_found', 'No such entry in this state’s framework.');
    if ('kind' in input && input.kind !== entry.kind) {
      throw new AppError('validation_failed', 'body/kind: differs from the entry’s', {
        errors: [{ path: 'body/kind', message: 'differs from the entry’s' }],
      });
    }
    kind = entry.kind as FrameworkKind;
    operation = 'remove' in input ? 'remove' : 'update';
  } else if ('remove' in input) {
    throw new AppError('validation_failed', 'body/entryId: required');
  } else kind = input.kind;
  if ('data' in input) data = checkData(kind, input.data as Data);
  const id = newId();
  await trx
    .insertInto('framework_proposal')
    .values({
      id,
      member_state: iso3,
      kind,
      operation,
      entry_id: entryId,
      data: data === null ? null : json(data),
      status: 'pending',
      proposed_by: proposedBy,
      proposed_role: audit.role ?? 'cli',
      proposed_at: nowIso(),
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
      entry_version: null,
    })
    .execute();
  await writeAudit(trx, audit, {
    action: 'framework.propose',
    objectType: 'framework_proposal',
    objectId: id,
    changes: {
      state: { before: null, after: iso3 },
      kind: { before: null, after: kind },
      operation: { before: null, after: operation },
    },
  });
  return presentProposal(
    await trx.selectFrom('framework_proposal').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

/** Accepting applies the proposal to the public entry (a new version); rejecting leaves the entry as it was. */
export async function review(
  trx: Transaction<DB>,
  audit: AuditContext,
  proposalId: string,
  input: ReviewInput,
  reviewedBy: string | null,
): Promise<Proposal> {
  const p = await trx.selectFrom('framework_proposal').selectAll().where('id', '=', proposalId).executeTakeFirst();
  if (!p) throw new AppError('not_found', 'No such proposal.');
  if (p.status !== 'pending') throw new AppError('conflict', `This proposal was ${p.status} already.`);
  const now = nowIso();
  let entryId = p.entry_id;
  let version: number | null = null;
  if (input.decision === 'accept') {
    if (p.operation === 'create') {
      entryId = newId();
      version = 1;
      await trx
        .insertInto('framework_entry')
        .values({
          id: entryId,
          member_state: p.member_state,
          kind: p.kind,
          data: p.data ?? '{}',
          version,
          created_at: now,
          updated_at: now,
          removed_at: null,
        })
        .execute();
    } else {
      const entry = await trx
        .selectFrom('framework_entry')
        .select(['version', 'removed_at'])
        .where('id', '=', p.entry_id ?? '')
        .executeTakeFirst();
      if (!entry || entry.removed_at)
        throw new AppError('conflict', 'The entry was removed since this proposal was made.');
      version = entry.version + 1;
      await trx
        .updateTable('framework_entry')
        .set(
          p.operation === 'remove'
            ? { removed_at: now, updated_at: now, version }
            : { data: p.data ?? '{}', updated_at: now, version },
        )
        .where('id', '=', p.entry_id ?? '')
        .execute();
    }
  }
  await trx
    .updateTable('framework_proposal')
    .set({
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      reviewed_by: reviewedBy,
      reviewed_at: now,
      review_note: input.note?.trim() || null,
      entry_id: entryId,
      entry_version: version,
    })
    .where('id', '=', p.id)
    .execute();
  await writeAudit(trx, audit, {
    action: `framework.${input.decision}`,
    objectType: 'framework_proposal',
    objectId: p.id,
    changes: { status: { before: 'pending', after: input.decision === 'accept' ? 'accepted' : 'rejected' } },
  });
  return presentProposal(
    await trx.selectFrom('framework_proposal').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow(),
  );
}
