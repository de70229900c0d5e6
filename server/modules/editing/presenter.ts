import type { Selectable } from 'kysely';
import type { AgendaDraft, MeetingSource } from '../../../shared/schemas/editing.js';
import type { MeetingStatus } from '../../../shared/schemas/meeting.js';
import type { MultiText } from '../../../shared/text.js';
import { parseOptionalText, parseText } from '../../db/json.js';
import type { ConceptSectionTable } from '../../db/schema.js';
import type { TreeDay } from '../agenda/tree.js';
import { sessionHours } from '../meeting/presenter.js';
import type { MeetingRow } from '../meeting/repository.js';
import { sectionSource } from './update-concept-section.js';

/** A meeting with every language of every text, for the secretariat's editing screens. */
export function presentMeetingSource(row: MeetingRow, sections: Selectable<ConceptSectionTable>[]): MeetingSource {
  return {
    slug: row.slug,
    title: parseText(row.title, 'meeting.title'),
    venue: parseOptionalText(row.venue, 'meeting.venue'),
    startDate: row.start_date,
    endDate: row.end_date,
    timeZone: row.time_zone,
    status: row.status as MeetingStatus,
    defaultSessionHours: sessionHours(row),
    updatedAt: row.updated_at,
    conceptNote: sections.map(sectionSource),
  };
}

/**
 * The draft as the editor works on it. Organisations are given by id only (their names are
 * frozen when a version is published), so what GET answers can be sent back by PUT unchanged.
 */
export function presentDraft(head: { title: MultiText; label: MultiText | null }, days: TreeDay[]): AgendaDraft {
  return {
    title: head.title,
    label: head.label,
    days: days.map((d) => ({
      date: d.date,
      blocks: d.blocks.map((b) => ({
        period: b.period,
        theme: b.theme,
        startTime: b.startTime,
        endTime: b.endTime,
        items: b.items.map((i) => ({
          key: i.key,
          number: i.number,
          kind: i.kind,
          title: i.title,
          description: i.description,
          presenters: i.presenters.map((p) =>
            p.type === 'organization' ? { type: 'organization' as const, id: p.id } : p,
          ),
          alternatives: i.alternatives,
          startTime: i.startTime,
          endTime: i.endTime,
        })),
      })),
    })),
  };
}

/**
 * The draft reshaped for the audit trail: blocks by day and period, items by key with their
 * place, so the recorded before/after says "item i-x moved to 2005-04-07 morning #3" rather than
 * "days.1.blocks.0.items.2 changed" for every item after an insertion.
 */
export function draftAuditView(draft: AgendaDraft) {
  const blocks: Record<string, unknown> = {};
  const items: Record<string, unknown> = {};
  for (const d of draft.days)
    for (const b of d.blocks) {
      blocks[`${d.date} ${b.period}`] = { theme: b.theme, startTime: b.startTime, endTime: b.endTime };
      for (const i of b.items) {
        items[i.key] = {
          at: `${d.date} ${b.period} #${i.number}`,
          kind: i.kind,
          title: i.title,
          description: i.description,
          presenters: i.presenters.map((p) => (p.type === 'organization' ? `org:${p.id}` : p.name)).join('; '),
          alternatives: i.alternatives,
          startTime: i.startTime,
          endTime: i.endTime,
        };
      }
    }
  return { title: draft.title, label: draft.label, days: draft.days.map((d) => d.date).join(', '), blocks, items };
}
