import { Type, type Static, type TSchema } from 'typebox';
import { AGENDA_ITEM_KINDS } from './agenda.js';
import { AGENDA_PERIODS, MEETING_STATUSES, SECTION_KINDS } from './meeting.js';
import { LangSchema } from './text.js';

/** Longest content text accepted in one language (a concept-note section is about 3,000). */
export const TEXT_MAX = 20_000;
export const PHONE_MAX = 50;

const closed = { additionalProperties: false } as const;
/** `T | null`, null first: Ajv's type coercion would otherwise turn a null into "" in the string branch. */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);

export const TimeSchema = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour' });
export const DateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

const TextValue = Type.Object(
  { text: Type.String({ maxLength: TEXT_MAX }), official: Type.Boolean() },
  { ...closed, description: 'One language’s version; an empty text counts as no version' },
);

/**
 * A content text as stored and as edited: its original language and one version per language.
 * The server normalises texts to NFC and requires a non-empty text in the original language.
 */
export const MultiTextSchema = Type.Object(
  {
    original: LangSchema,
    values: Type.Object(
      {
        en: Type.Optional(TextValue),
        es: Type.Optional(TextValue),
        fr: Type.Optional(TextValue),
        pt: Type.Optional(TextValue),
      },
      closed,
    ),
  },
  closed,
);
export type MultiTextInput = Static<typeof MultiTextSchema>;

export const SessionHoursInputSchema = Type.Object(
  { period: Type.Enum(AGENDA_PERIODS), start: TimeSchema, end: TimeSchema },
  closed,
);

export const MeetingPatchSchema = Type.Object(
  {
    title: Type.Optional(MultiTextSchema),
    venue: Type.Optional(Nullable(MultiTextSchema)),
    startDate: Type.Optional(DateSchema),
    endDate: Type.Optional(DateSchema),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone' })),
    status: Type.Optional(Type.Enum(MEETING_STATUSES)),
    defaultSessionHours: Type.Optional(Type.Array(SessionHoursInputSchema, { maxItems: AGENDA_PERIODS.length })),
  },
  { ...closed, minProperties: 1 },
);
export type MeetingPatch = Static<typeof MeetingPatchSchema>;

export const SectionKindSchema = Type.Enum(SECTION_KINDS);
export const ConceptSectionInputSchema = Type.Object(
  { heading: MultiTextSchema, body: MultiTextSchema, notes: Type.Array(MultiTextSchema, { maxItems: 50 }) },
  closed,
);
export type ConceptSectionInput = Static<typeof ConceptSectionInputSchema>;

export const ConceptSectionSourceSchema = Type.Object({
  kind: SectionKindSchema,
  heading: MultiTextSchema,
  body: MultiTextSchema,
  notes: Type.Array(MultiTextSchema),
});
export type ConceptSectionSource = Static<typeof ConceptSectionSourceSchema>;

/** A meeting as stored, for the editing screens (every language of every text). */
export const MeetingSourceSchema = Type.Object({
  slug: Type.String(),
  title: MultiTextSchema,
  venue: Nullable(MultiTextSchema),
  startDate: Type.String(),
  endDate: Type.String(),
  timeZone: Type.String(),
  status: Type.Enum(MEETING_STATUSES),
  defaultSessionHours: Type.Array(SessionHoursInputSchema),
  updatedAt: Type.String({ format: 'date-time' }),
  conceptNote: Type.Array(ConceptSectionSourceSchema),
});
export type MeetingSource = Static<typeof MeetingSourceSchema>;

export const ITEM_KEY_PATTERN = '^[A-Za-z0-9_-]{1,64}$';

export const DraftPresenterSchema = Type.Union([
  Type.Object({ type: Type.Literal('organization'), id: Type.String({ minLength: 1, maxLength: 100 }) }, closed),
  Type.Object({ type: Type.Literal('person'), name: Type.String({ minLength: 1, maxLength: 200 }) }, closed),
]);
export type DraftPresenter = Static<typeof DraftPresenterSchema>;

function draftItem<K extends TSchema>(key: K) {
  return Type.Object(
    {
      key,
      number: Type.Integer({ minimum: 1, maximum: 999 }),
      kind: Type.Enum(AGENDA_ITEM_KINDS),
      title: MultiTextSchema,
      description: Nullable(MultiTextSchema),
      presenters: Type.Array(DraftPresenterSchema, { maxItems: 30 }),
      alternatives: Type.Array(MultiTextSchema, { maxItems: 20 }),
      startTime: Nullable(TimeSchema),
      endTime: Nullable(TimeSchema),
    },
    closed,
  );
}

function draftTree<I extends TSchema>(item: I) {
  const block = Type.Object(
    {
      period: Type.Enum(AGENDA_PERIODS),
      theme: Nullable(MultiTextSchema),
      startTime: Nullable(TimeSchema),
      endTime: Nullable(TimeSchema),
      items: Type.Array(item, { maxItems: 100 }),
    },
    closed,
  );
  const day = Type.Object({ date: DateSchema, blocks: Type.Array(block, { maxItems: AGENDA_PERIODS.length }) }, closed);
  return Type.Object(
    { title: MultiTextSchema, label: Nullable(MultiTextSchema), days: Type.Array(day, { maxItems: 60 }) },
    closed,
  );
}

/** The draft agenda as the editor sends it: new items have no `key`, existing ones keep theirs. */
export const AgendaDraftInputSchema = draftTree(
  draftItem(
    Type.Optional(
      Type.String({ pattern: ITEM_KEY_PATTERN, description: 'Omit for a new item; keep for an existing one' }),
    ),
  ),
);
export type AgendaDraftInput = Static<typeof AgendaDraftInputSchema>;

/** The draft agenda as stored: every item has its key. Valid as a PUT body as it is. */
export const AgendaDraftSchema = draftTree(draftItem(Type.String()));
export type AgendaDraft = Static<typeof AgendaDraftSchema>;

export const PublishedVersionSchema = Type.Object({ number: Type.Integer() });

const ContactText = (maxLength: number) => Nullable(Type.String({ maxLength }));
export const ContactDetailsSchema = Type.Object(
  {
    office: ContactText(200),
    email: Nullable(Type.String({ format: 'email', maxLength: 254 })),
    phone: ContactText(PHONE_MAX),
    address: ContactText(500),
    website: Nullable(Type.String({ maxLength: 500, description: 'http or https URL' })),
  },
  closed,
);
export type ContactDetails = Static<typeof ContactDetailsSchema>;
