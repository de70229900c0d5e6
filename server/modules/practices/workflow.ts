import type { Transaction } from 'kysely';
import type { PracticeInput } from '../../../shared/schemas/practices.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { personalDataWarnings } from './personal-data.js';
import { dataOf, indexPublished, revisionOf, type PracticeRow } from './repository.js';

type Trx = Transaction<DB>;
const actorId = (ctx: AuditContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const actorName = (ctx: AuditContext) =>
  ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'cli' ? ctx.actor.label : 'anonymous';

const title = (data: PracticeInput) => data.title.values[data.title.original]?.text ?? null;

async function comment(trx: Trx, ctx: AuditContext, practice: PracticeRow, kind: string, body: string) {
  await trx
    .insertInto('practice_comment')
    .values({
      id: newId(),
      practice_id: practice.id,
      revision: practice.revision,
      kind,
      body: body.normalize('NFC').trim(),
      author_id: actorId(ctx),
      author_name: actorName(ctx),
      role: ctx.role ?? 'public',
      created_at: nowIso(),
    })
    .execute();
}

function conflict(practice: PracticeRow, doing: string, reason: string): never {
  throw new AppError('conflict', `Cannot ${doing}: the latest revision is ${practice.status}.`, { reason });
}

export async function createPractice(
  trx: Trx,
  ctx: AuditContext,
  owner: { member_state: string | null; organization_id: string | null },
  data: PracticeInput,
  seedKey: string | null = null,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await trx
    .insertInto('practice')
    .values({
      id,
      seed_key: seedKey,
      member_state: owner.member_state,
      organization_id: owner.organization_id,
      owner_id: actorId(ctx),
      status: 'draft',
      revision: 1,
      published_revision: null,
      published_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await trx
    .insertInto('practice_revision')
    .values({
      id: newId(),
      practice_id: id,
      number: 1,
      status: 'draft',
      data: json(data),
      created_by: actorId(ctx),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await writeAudit(trx, ctx, {
    action: 'practice.create',
    objectType: 'practice',
    objectId: id,
    changes: {
      title: { before: null, after: title(data) },
      memberState: { before: null, after: owner.member_state },
      organizationId: { before: null, after: owner.organization_id },
    },
  });
  return id;
}

/** Replaces the latest revision's content while it is a draft or returned. */
export async function updatePractice(trx: Trx, ctx: AuditContext, practice: PracticeRow, data: PracticeInput) {
  if (practice.status !== 'draft' && practice.status !== 'returned') conflict(practice, 'edit', 'not_editable');
  const revision = await revisionOf(trx, practice.id, practice.revision);
  const before = dataOf(revision);
  const now = nowIso();
  await trx
    .updateTable('practice_revision')
    .set({ data: json(data), updated_at: now })
    .where('id', '=', revision.id)
    .execute();
  await trx.updateTable('practice').set({ updated_at: now }).where('id', '=', practice.id).execute();
  const changed = (Object.keys({ ...before, ...data }) as (keyof PracticeInput)[]).filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(data[k] ?? null),
  );
  await writeAudit(trx, ctx, {
    action: 'practice.update',
    objectType: 'practice',
    objectId: practice.id,
    changes: {
      fields: { before: null, after: changed.join(', ') },
      revision: { before: null, after: practice.revision },
    },
  });
}

async function setStatus(trx: Trx, practice: PracticeRow, status: string, extra: Partial<PracticeRow> = {}) {
  const now = nowIso();
  await trx
    .updateTable('practice_revision')
    .set({ status, updated_at: now })
    .where('practice_id', '=', practice.id)
    .where('number', '=', practice.revision)
    .execute();
  await trx
    .updateTable('practice')
    .set({ status, updated_at: now, ...extra })
    .where('id', '=', practice.id)
    .execute();
}

export async function submitPractice(trx: Trx, ctx: AuditContext, practice: PracticeRow, note?: string) {
  if (practice.status !== 'draft' && practice.status !== 'returned') conflict(practice, 'submit', 'not_submittable');
  await setStatus(trx, practice, 'submitted');
  await comment(trx, ctx, practice, 'submit', note ?? '');
  await writeAudit(trx, ctx, {
    action: 'practice.submit',
    objectType: 'practice',
    objectId: practice.id,
    changes: {
      status: { before: practice.status, after: 'submitted' },
      revision: { before: null, after: practice.revision },
    },
  });
}

/**
 * The secretariat's decision on the latest revision. Publishing replaces what the public reads
 * (the previous published revision is kept as superseded) and is refused while the text looks
 * like it carries personal data, unless the secretariat confirms it has checked. Returning and
 * rejecting say why.
 */
export async function reviewPractice(
  trx: Trx,
  ctx: AuditContext,
  practice: PracticeRow,
  input: { decision: 'publish' | 'return' | 'reject'; comment?: string; confirmPersonalData?: boolean },
) {
  // An owner's draft is theirs until they submit it; the secretariat's own drafts it publishes directly.
  const ownedBySecretariat = !practice.member_state && !practice.organization_id;
  const reviewable = practice.status === 'submitted' || (ownedBySecretariat && practice.status !== 'published');
  if (!reviewable || practice.status === 'rejected') conflict(practice, input.decision, 'not_reviewable');
  const note = input.comment?.normalize('NFC').trim() ?? '';
  if (input.decision !== 'publish' && !note) {
    throw new AppError('validation_failed', 'body/comment: say why, so the owner can act on it', {
      errors: [{ path: 'body/comment', message: 'say why, so the owner can act on it', reason: 'comment_required' }],
    });
  }
  const revision = await revisionOf(trx, practice.id, practice.revision);
  const data = dataOf(revision);
  if (input.decision === 'publish') {
    const warnings = personalDataWarnings(data);
    if (warnings.length > 0 && !input.confirmPersonalData) {
      throw new AppError(
        'conflict',
        'The text looks like it names a person or carries personal data; check it, then confirm to publish.',
        { reason: 'personal_data', warnings },
      );
    }
    if (practice.published_revision !== null) {
      await trx
        .updateTable('practice_revision')
        .set({ status: 'superseded', updated_at: nowIso() })
        .where('practice_id', '=', practice.id)
        .where('number', '=', practice.published_revision)
        .execute();
    }
    const publishedAt = nowIso();
    await setStatus(trx, practice, 'published', { published_revision: practice.revision, published_at: publishedAt });
    await indexPublished(trx, { ...practice, published_at: publishedAt }, data);
  } else {
    await setStatus(trx, practice, input.decision === 'return' ? 'returned' : 'rejected');
  }
  await comment(trx, ctx, practice, input.decision, note);
  await writeAudit(trx, ctx, {
    action: `practice.${input.decision}`,
    objectType: 'practice',
    objectId: practice.id,
    changes: {
      status: {
        before: practice.status,
        after: input.decision === 'publish' ? 'published' : input.decision === 'return' ? 'returned' : 'rejected',
      },
      revision: { before: null, after: practice.revision },
      ...(input.confirmPersonalData ? { personalDataConfirmed: { before: null, after: true } } : {}),
    },
  });
}

/** Opens a new revision of a published (or rejected) practice, starting from its latest content. */
export async function revisePractice(trx: Trx, ctx: AuditContext, practice: PracticeRow): Promise<number> {
  if (practice.status !== 'published' && practice.status !== 'rejected') conflict(practice, 'revise', 'not_revisable');
  const latest = await revisionOf(trx, practice.id, practice.revision);
  const number = practice.revision + 1;
  const now = nowIso();
  await trx
    .insertInto('practice_revision')
    .values({
      id: newId(),
      practice_id: practice.id,
      number,
      status: 'draft',
      data: latest.data,
      created_by: actorId(ctx),
      created_at: now,
      updated_at: now,
    })
    .execute();
  // The practice's status follows its latest revision; the published one stays public meanwhile.
  await trx
    .updateTable('practice')
    .set({ status: 'draft', revision: number, updated_at: now })
    .where('id', '=', practice.id)
    .execute();
  await writeAudit(trx, ctx, {
    action: 'practice.revise',
    objectType: 'practice',
    objectId: practice.id,
    changes: { revision: { before: practice.revision, after: number } },
  });
  return number;
}

export async function commentOn(trx: Trx, ctx: AuditContext, practice: PracticeRow, body: string) {
  await comment(trx, ctx, practice, 'comment', body);
  await writeAudit(trx, ctx, {
    action: 'practice.comment',
    objectType: 'practice',
    objectId: practice.id,
    changes: { revision: { before: null, after: practice.revision } },
  });
}
