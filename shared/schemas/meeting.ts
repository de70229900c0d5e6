import { Type, type Static } from 'typebox';
import { LangSchema, LocalizedTextSchema } from './text.js';

export const MEETING_STATUSES = [
  'draft',
  'announced',
  'registration_open',
  'registration_closed',
  'in_session',
  'concluded',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const AGENDA_PERIODS = ['morning', 'afternoon', 'evening'] as const;
export type AgendaPeriod = (typeof AGENDA_PERIODS)[number];

export const SECTION_KINDS = ['background', 'description', 'objectives', 'expected_results', 'participants'] as const;

export const SessionHoursSchema = Type.Object({
  period: Type.Enum(AGENDA_PERIODS),
  start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
});

export const OrganizerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  acronym: Type.Union([Type.String(), Type.Null()]),
});

export const MeetingSummarySchema = Type.Object({
  slug: Type.String(),
  title: LocalizedTextSchema,
  startDate: Type.String({ format: 'date' }),
  endDate: Type.String({ format: 'date' }),
  timeZone: Type.String(),
  venue: Type.Union([LocalizedTextSchema, Type.Null()], { description: 'null: to be confirmed' }),
  status: Type.Enum(MEETING_STATUSES),
  organizers: Type.Array(OrganizerSchema),
});
export type MeetingSummary = Static<typeof MeetingSummarySchema>;

export const ConceptSectionSchema = Type.Object({
  kind: Type.Enum(SECTION_KINDS),
  heading: LocalizedTextSchema,
  body: LocalizedTextSchema,
  notes: Type.Array(LocalizedTextSchema),
});
export type ConceptSection = Static<typeof ConceptSectionSchema>;

export const MeetingDetailSchema = Type.Intersect([
  MeetingSummarySchema,
  Type.Object({
    lang: LangSchema,
    defaultSessionHours: Type.Array(SessionHoursSchema),
    conceptNote: Type.Array(ConceptSectionSchema),
    agendaVersions: Type.Integer({ description: 'Number of published agenda versions' }),
  }),
]);
export type MeetingDetail = Static<typeof MeetingDetailSchema>;

export const MeetingListSchema = Type.Object({ items: Type.Array(MeetingSummarySchema) });
export type MeetingList = Static<typeof MeetingListSchema>;
