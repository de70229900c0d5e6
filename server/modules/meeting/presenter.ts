import type { Lang } from '../../../shared/lang.js';
import type { ConceptSection, MeetingDetail, MeetingSummary } from '../../../shared/schemas/meeting.js';
import type { Organization } from '../../../shared/schemas/reference.js';
import { localize, type MultiText } from '../../../shared/text.js';
import { parseJson, parseOptionalText, parseText } from '../../db/json.js';
import type { ConceptSectionTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import type { MeetingRow } from './repository.js';

export type SessionHours = MeetingDetail['defaultSessionHours'];

export function meetingOrganizerIds(row: MeetingRow): string[] {
  return parseJson<string[]>(row.organizers, 'meeting.organizers');
}

export function sessionHours(row: MeetingRow): SessionHours {
  return parseJson<SessionHours>(row.default_session_hours, 'meeting.default_session_hours');
}

/** Exactly the fields a public reader may see of a meeting. */
export function presentMeetingSummary(row: MeetingRow, organizations: Organization[], lang: Lang): MeetingSummary {
  const venue = parseOptionalText(row.venue, 'meeting.venue');
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return {
    slug: row.slug,
    title: localize(parseText(row.title, 'meeting.title'), lang),
    startDate: row.start_date,
    endDate: row.end_date,
    timeZone: row.time_zone,
    venue: venue ? localize(venue, lang) : null,
    status: row.status as MeetingSummary['status'],
    organizers: meetingOrganizerIds(row).flatMap((id) => {
      const org = byId.get(id);
      return org ? [{ id: org.id, name: org.name, acronym: org.acronym }] : [];
    }),
  };
}

export function presentConceptSection(row: Selectable<ConceptSectionTable>, lang: Lang): ConceptSection {
  return {
    kind: row.kind as ConceptSection['kind'],
    heading: localize(parseText(row.heading, 'concept_section.heading'), lang),
    body: localize(parseText(row.body, 'concept_section.body'), lang),
    notes: parseJson<MultiText[]>(row.notes, 'concept_section.notes').map((n) => localize(n, lang)),
  };
}

export function presentMeetingDetail(
  row: MeetingRow,
  organizations: Organization[],
  sections: Selectable<ConceptSectionTable>[],
  agendaVersions: number,
  lang: Lang,
): MeetingDetail {
  return {
    ...presentMeetingSummary(row, organizations, lang),
    lang,
    defaultSessionHours: sessionHours(row),
    conceptNote: sections.map((s) => presentConceptSection(s, lang)),
    agendaVersions,
  };
}
