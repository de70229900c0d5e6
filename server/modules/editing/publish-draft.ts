import type { Kysely } from 'kysely';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { publishAgendaIn } from '../agenda/publish-agenda.js';
import { countPublishedVersions, findDraft, loadTree } from '../agenda/repository.js';
import { lockMeeting, touchMeeting } from './meeting-lock.js';

/**
 * Publishes the draft as the next version. A draft identical to the latest version is published
 * all the same, with an empty change log: re-issuing is a deliberate act (a new label, an
 * untracked detail such as a description or a time) and the secretariat decides when to do it.
 */
export async function publishDraft(db: Kysely<DB>, ctx: AuditContext, slug: string): Promise<{ number: number }> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, slug);
    const draft = await findDraft(trx, meeting.id);
    if (!draft) throw new AppError('not_found', 'This meeting has no draft agenda.');
    const days = await loadTree(trx, draft.id);
    if (days.length === 0) throw new AppError('conflict', 'The draft agenda has no days to publish.');
    // The meeting's dates may have moved since the draft was saved (update-meeting.ts allows it).
    const outside = days.map((d) => d.date).filter((d) => d < meeting.start_date || d > meeting.end_date);
    if (outside.length > 0) {
      throw new AppError(
        'conflict',
        `The draft has days outside the meeting (${meeting.start_date} to ${meeting.end_date}): ${outside.join(', ')}.`,
        { dates: outside },
      );
    }
    const previous = await countPublishedVersions(trx, meeting.id);
    const published = await publishAgendaIn(trx, meeting.id);
    await touchMeeting(trx, meeting);
    const counts = { added: 0, removed: 0, moved: 0, retitled: 0 };
    for (const c of published.changes) counts[c.type]++;
    await writeAudit(trx, ctx, {
      action: 'agenda.publish',
      objectType: 'meeting',
      objectId: slug,
      changes: {
        version: { before: previous === 0 ? null : previous, after: published.number },
        changeLog: { before: null, after: counts },
      },
    });
    return { number: published.number };
  });
}
