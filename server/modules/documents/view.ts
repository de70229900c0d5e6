import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { DocumentView } from '../../../shared/schemas/documents.js';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { canIssue, canUpload } from './policy.js';
import { presentDocument } from './presenter.js';
import { filesOf, revisionsOf, type DocumentRow } from './repository.js';

/** A document as its page shows it to this actor: every revision with its files, and what they may do. */
export async function viewDocument(db: Kysely<DB>, actor: Actor, doc: DocumentRow, lang: Lang): Promise<DocumentView> {
  const revisions = await revisionsOf(db, [doc.id]);
  const files = await filesOf(
    db,
    revisions.map((r) => r.id),
  );
  const meeting = await db
    .selectFrom('meeting')
    .select('slug')
    .where('id', '=', doc.meeting_id)
    .executeTakeFirstOrThrow();
  const can = { upload: canUpload(actor, doc).allowed, issue: canIssue(actor).allowed };
  return presentDocument(doc, meeting.slug, revisions, files, lang, can);
}
