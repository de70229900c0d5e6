import { Type, type Static } from 'typebox';
import { AGENDA_PERIODS } from './meeting.js';
import { LangSchema, LocalizedTextSchema } from './text.js';

export const AGENDA_ITEM_KINDS = [
  'opening',
  'regional_report',
  'presentation',
  'screening',
  'discussion',
  'panel',
  'closing',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];

export const PresenterSchema = Type.Union([
  Type.Object({
    type: Type.Literal('organization'),
    id: Type.String(),
    name: Type.String(),
    acronym: Type.Union([Type.String(), Type.Null()]),
  }),
  Type.Object({ type: Type.Literal('person'), name: Type.String() }),
]);
export type Presenter = Static<typeof PresenterSchema>;

export const AgendaItemSchema = Type.Object({
  key: Type.String({ description: 'Stable identity of the item across versions' }),
  number: Type.Integer(),
  kind: Type.Enum(AGENDA_ITEM_KINDS),
  title: LocalizedTextSchema,
  description: Type.Union([LocalizedTextSchema, Type.Null()]),
  presenters: Type.Array(PresenterSchema),
  alternatives: Type.Array(LocalizedTextSchema),
  startTime: Type.Union([Type.String(), Type.Null()]),
  endTime: Type.Union([Type.String(), Type.Null()]),
});
export type AgendaItem = Static<typeof AgendaItemSchema>;

export const AgendaBlockSchema = Type.Object({
  period: Type.Enum(AGENDA_PERIODS),
  theme: Type.Union([LocalizedTextSchema, Type.Null()]),
  startTime: Type.Union([Type.String(), Type.Null()]),
  endTime: Type.Union([Type.String(), Type.Null()]),
  timesIndicative: Type.Boolean({
    description: "true when the times are the meeting's default session hours, not set for this block",
  }),
  items: Type.Array(AgendaItemSchema),
});
export type AgendaBlock = Static<typeof AgendaBlockSchema>;

export const AgendaDaySchema = Type.Object({
  date: Type.String({ format: 'date' }),
  blocks: Type.Array(AgendaBlockSchema),
});
export type AgendaDay = Static<typeof AgendaDaySchema>;

export const AGENDA_CHANGE_TYPES = ['added', 'removed', 'moved', 'retitled'] as const;

const Position = Type.Object({
  date: Type.String(),
  period: Type.Enum(AGENDA_PERIODS),
  number: Type.Integer(),
});

export const AgendaChangeSchema = Type.Object({
  type: Type.Enum(AGENDA_CHANGE_TYPES),
  key: Type.String(),
  title: LocalizedTextSchema,
  previousTitle: Type.Union([LocalizedTextSchema, Type.Null()]),
  from: Type.Union([Position, Type.Null()]),
  to: Type.Union([Position, Type.Null()]),
});
export type AgendaChange = Static<typeof AgendaChangeSchema>;

export const AgendaVersionSummarySchema = Type.Object({
  number: Type.Integer(),
  label: Type.Union([LocalizedTextSchema, Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
});
export type AgendaVersionSummary = Static<typeof AgendaVersionSummarySchema>;

export const AgendaSchema = Type.Object({
  meeting: Type.Object({ slug: Type.String(), title: LocalizedTextSchema, timeZone: Type.String() }),
  lang: LangSchema,
  title: LocalizedTextSchema,
  version: AgendaVersionSummarySchema,
  latestVersion: Type.Integer(),
  versions: Type.Array(AgendaVersionSummarySchema),
  changes: Type.Array(AgendaChangeSchema, {
    description: 'What changed since the previous published version (empty for version 1)',
  }),
  days: Type.Array(AgendaDaySchema),
});
export type Agenda = Static<typeof AgendaSchema>;
