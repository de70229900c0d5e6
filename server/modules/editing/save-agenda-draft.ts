import type { Kysely } from 'kysely';
import type { AgendaDraft, AgendaDraftInput } from '../../../shared/schemas/editing.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { parseOptionalText, parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { createDraft, findDraft, loadTree, type VersionRow } from '../agenda/repository.js';
import { findMeetingBySlug } from '../meeting/repository.js';
import { organizationNames } from '../reference/repository.js';
import { auditChanges } from './audit-changes.js';
import { lockMeeting, touchMeeting } from './meeting-lock.js';
import { draftAuditView, presentDraft } from './presenter.js';
import { meetingItemKeys, replaceDraftTree } from './repository.js';
import { presenterOrganizationIds, validateDraft } from './validate-draft.js';

function draftHead(row: VersionRow) {
  return {
    title: parseText(row.title, 'agenda_version.title'),
    label: parseOptionalText(row.label, 'agenda_version.label'),
  };
}

/** The meeting's editable draft with raw multilingual texts and item keys. */
export async function readAgendaDraft(db: Kysely<DB>, slug: string): Promise<AgendaDraft> {
  const meeting = await findMeetingBySlug(db, slug);
  if (!meeting) throw new AppError('not_found', `No meeting "${slug}".`);
  const draft = await findDraft(db, meeting.id);
  if (!draft) throw new AppError('not_found', 'This meeting has no draft agenda.');
  return presentDraft(draftHead(draft), await loadTree(db, draft.id));
}

/**
 * Replaces the whole draft tree in one transaction. Validation runs inside it, after the meeting
 * is locked, against the meeting's dates and keys as they are at that moment; any problem rolls
 * everything back, so an invalid draft leaves the stored one untouched.
 */
export async function saveAgendaDraft(
  db: Kysely<DB>,
  ctx: AuditContext,
  slug: string,
  input: AgendaDraftInput,
): Promise<AgendaDraft> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, slug);
    const draft = await findDraft(trx, meeting.id);
    const valid = validateDraft(input, {
      startDate: meeting.start_date,
      endDate: meeting.end_date,
      knownKeys: await meetingItemKeys(trx, meeting.id),
      organizations: await organizationNames(trx, presenterOrganizationIds(input)),
    });
    const head = { title: valid.title, label: valid.label };
    const before = draft ? presentDraft(draftHead(draft), await loadTree(trx, draft.id)) : null;
    if (draft) await replaceDraftTree(trx, draft.id, head, valid.days);
    else await createDraft(trx, meeting.id, head, valid.days);
    await touchMeeting(trx, meeting);
    const after = presentDraft(head, valid.days);
    await writeAudit(trx, ctx, {
      action: 'agenda.draft.update',
      objectType: 'meeting',
      objectId: slug,
      changes: auditChanges(before && draftAuditView(before), draftAuditView(after)),
    });
    return after;
  });
}
