import type { Lang } from '../../../shared/lang.js';
import { TEXT_FIELDS, type PracticeView } from '../../../shared/schemas/practices.js';
import type { Actor } from '../../auth/actor.js';
import { readField } from './content.js';
import { personalDataWarnings } from './personal-data.js';
import { canEdit, canReview, canSeeWork, canSubmit, ownerRole } from './policy.js';
import { dataOf, revisionOf, type Db, type PracticeRow } from './repository.js';

/**
 * A practice as this actor may see it: the public reads the published revision; owners and the
 * secretariat read the latest, with the discussion, the revisions and (secretariat) the
 * personal-data warnings. Null when the actor may see nothing of it.
 */
export async function viewPractice(
  db: Db,
  actor: Actor,
  practice: PracticeRow,
  lang: Lang,
): Promise<PracticeView | null> {
  const work = canSeeWork(actor, practice).allowed;
  const number = work ? practice.revision : practice.published_revision;
  if (number === null) return null;
  const data = dataOf(await revisionOf(db, practice.id, number));
  const attachments = await db
    .selectFrom('practice_attachment')
    .select(['id', 'file_name', 'format', 'content_type', 'size'])
    .where('practice_id', '=', practice.id)
    .orderBy('created_at')
    .execute();
  const view: PracticeView = {
    id: practice.id,
    status: work ? (practice.status as PracticeView['status']) : 'published',
    revision: number,
    publishedRevision: practice.published_revision,
    owner: { memberState: practice.member_state, organizationId: practice.organization_id },
    data,
    read: Object.fromEntries(TEXT_FIELDS.map((f) => [f, readField(data, f, lang)])),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      format: a.format as PracticeView['attachments'][number]['format'],
      contentType: a.content_type,
      size: a.size,
      url: `/api/practices/${practice.id}/attachments/${a.id}`,
    })),
    can: {
      edit: work && canEdit(actor, practice).allowed && ['draft', 'returned'].includes(practice.status),
      submit:
        (ownerRole(actor, practice).allowed || canSubmit(actor, practice).allowed) &&
        ['draft', 'returned'].includes(practice.status),
      review: canReview(actor).allowed && practice.status === 'submitted',
      revise: work && ['published', 'rejected'].includes(practice.status),
    },
    createdAt: practice.created_at,
    updatedAt: practice.updated_at,
    publishedAt: practice.published_at,
  };
  if (work) {
    const comments = await db
      .selectFrom('practice_comment')
      .selectAll()
      .where('practice_id', '=', practice.id)
      .orderBy('created_at')
      .execute();
    view.comments = comments.map((c) => ({
      id: c.id,
      revision: c.revision,
      kind: c.kind as 'comment',
      body: c.body,
      author: c.author_name,
      role: c.role,
      createdAt: c.created_at,
    }));
    const revisions = await db
      .selectFrom('practice_revision')
      .select(['number', 'status', 'created_at'])
      .where('practice_id', '=', practice.id)
      .orderBy('number')
      .execute();
    view.revisions = revisions.map((r) => ({ number: r.number, status: r.status, createdAt: r.created_at }));
    if (canReview(actor).allowed) view.warnings = personalDataWarnings(data);
  }
  return view;
}
