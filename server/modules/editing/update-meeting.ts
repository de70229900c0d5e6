import type { Kysely } from 'kysely';
import type { MeetingPatch } from '../../../shared/schemas/editing.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../../shared/schemas/meeting.js';
import type { MultiText } from '../../../shared/text.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { json, parseOptionalText, parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { sessionHours, type SessionHours } from '../meeting/presenter.js';
import type { MeetingRow } from '../meeting/repository.js';
import { auditChanges } from './audit-changes.js';
import { lockMeeting, touchMeeting } from './meeting-lock.js';
import { Issues, isRealDate, normalizeOptionalText, normalizeText, timeZoneProblem } from './validation.js';

interface EditableMeeting {
  title: MultiText;
  venue: MultiText | null;
  startDate: string;
  endDate: string;
  timeZone: string;
  status: MeetingStatus;
  defaultSessionHours: SessionHours;
}

function editable(row: MeetingRow): EditableMeeting {
  return {
    title: parseText(row.title, 'meeting.title'),
    venue: parseOptionalText(row.venue, 'meeting.venue'),
    startDate: row.start_date,
    endDate: row.end_date,
    timeZone: row.time_zone,
    status: row.status as MeetingStatus,
    defaultSessionHours: sessionHours(row),
  };
}

/**
 * A meeting moves forward through its life (any number of steps: an announcement may open
 * registration at once) or back one step to undo a slip; jumping back further would reopen
 * phases whose consequences (registrations, sessions) have already happened.
 */
export function statusChangeProblem(from: MeetingStatus, to: MeetingStatus): string | null {
  const i = MEETING_STATUSES.indexOf(from);
  const j = MEETING_STATUSES.indexOf(to);
  if (j >= i || j === i - 1) return null;
  const allowed = MEETING_STATUSES.slice(Math.max(0, i - 1)).filter((s) => s !== from);
  return `A meeting cannot go from "${from}" back to "${to}"; it may go to ${allowed.join(', ')}.`;
}

/** Applies what the patch gives to what is stored; reports every invalid field at once. */
function applyPatch(current: EditableMeeting, patch: MeetingPatch): EditableMeeting {
  const issues = new Issues();
  const next: EditableMeeting = { ...current };
  if (patch.title !== undefined) next.title = normalizeText(patch.title, 'body/title', issues);
  if (patch.venue !== undefined) next.venue = normalizeOptionalText(patch.venue, 'body/venue', issues);
  if (patch.startDate !== undefined) next.startDate = patch.startDate;
  if (patch.endDate !== undefined) next.endDate = patch.endDate;
  for (const field of ['startDate', 'endDate'] as const) {
    if (!isRealDate(next[field])) issues.add(`body/${field}`, 'is not a calendar date');
  }
  if (next.startDate > next.endDate) issues.add('body/endDate', 'must not be before the start date');
  if (patch.timeZone !== undefined) {
    const problem = timeZoneProblem(patch.timeZone);
    if (problem) issues.add('body/timeZone', problem);
    next.timeZone = patch.timeZone;
  }
  if (patch.defaultSessionHours !== undefined) {
    const seen = new Set<string>();
    patch.defaultSessionHours.forEach((h, i) => {
      if (seen.has(h.period)) issues.add(`body/defaultSessionHours/${i}/period`, `"${h.period}" is given twice`);
      seen.add(h.period);
      if (h.start >= h.end) issues.add(`body/defaultSessionHours/${i}/end`, 'must be after the start');
    });
    next.defaultSessionHours = patch.defaultSessionHours.map((h) => ({ period: h.period, start: h.start, end: h.end }));
  }
  issues.throwIfAny();
  if (patch.status !== undefined) {
    const problem = statusChangeProblem(current.status, patch.status);
    if (problem) throw new AppError('conflict', problem, { from: current.status, to: patch.status });
    next.status = patch.status;
  }
  return next;
}

/**
 * Edits a meeting. One transaction holds the change, the move of updated_at (which refreshes
 * cached public agendas) and the audit entry, so none can exist without the others.
 */
export async function updateMeeting(
  db: Kysely<DB>,
  ctx: AuditContext,
  slug: string,
  patch: MeetingPatch,
): Promise<MeetingRow> {
  // Dates may fall outside the draft agenda's days afterwards: publishing refuses until the draft follows.
  return db.transaction().execute(async (trx) => {
    const locked = await lockMeeting(trx, slug);
    const before = editable(locked);
    const after = applyPatch(before, patch);
    await trx
      .updateTable('meeting')
      .set({
        title: json(after.title),
        venue: after.venue ? json(after.venue) : null,
        start_date: after.startDate,
        end_date: after.endDate,
        time_zone: after.timeZone,
        status: after.status,
        default_session_hours: json(after.defaultSessionHours),
      })
      .where('id', '=', locked.id)
      .execute();
    await touchMeeting(trx, locked);
    await writeAudit(trx, ctx, {
      action: 'meeting.update',
      objectType: 'meeting',
      objectId: slug,
      changes: auditChanges(before, after),
    });
    return trx.selectFrom('meeting').selectAll().where('id', '=', locked.id).executeTakeFirstOrThrow();
  });
}
