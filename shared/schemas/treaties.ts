import { Type, type Static, type TSchema } from 'typebox';
import { MemberStateSchema } from './reference.js';
import { LangSchema } from './text.js';

// Null first: with type coercion on, Ajv would otherwise turn a null into 0 or "" for the other branch.
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/**
 * What a state did about a treaty. `consent` is for a source that shows a state became a party
 * without saying which instrument (ratification, accession, …) it deposited.
 */
export const TREATY_ACTIONS = [
  'signature',
  'ratification',
  'accession',
  'acceptance',
  'approval',
  'succession',
  'consent',
] as const;
export type TreatyActionKind = (typeof TREATY_ACTIONS)[number];
/** Every action but a signature makes the state a party, from its date. */
export const BINDING_ACTIONS: readonly TreatyActionKind[] = TREATY_ACTIONS.filter((a) => a !== 'signature');

/** How much of a date a source gives: `2004-05-21`, `2004-05` or `2004`. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const TREATY_STATUSES = ['party', 'signatory', 'none', 'uncertain'] as const;
export type TreatyStatus = (typeof TREATY_STATUSES)[number];

export const INSTRUMENT_CODE_PATTERN = '^[a-z0-9][a-z0-9-]{1,39}$';
const Code = Type.String({ pattern: INSTRUMENT_CODE_PATTERN, description: 'e.g. tip-protocol' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const PartialDate = Type.String({
  pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
  description: 'YYYY-MM-DD, YYYY-MM or YYYY: as much of the date as the source gives',
});
const ISO3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code of a member state' });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const InstrumentNamesSchema = Type.Object(
  { en: Line(400), es: Line(400), fr: Line(400), pt: Line(400) },
  { additionalProperties: false, description: 'The name in each of the four languages' },
);

export const InstrumentSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  adoptedOn: Nullable(Type.String()),
  inForceOn: Nullable(Type.String()),
  /** Where the instrument's text and its dates come from. */
  reference: Nullable(Type.String()),
  actionCount: Type.Integer(),
});
export type Instrument = Static<typeof InstrumentSchema>;
export const InstrumentListSchema = Type.Object({ items: Type.Array(InstrumentSchema) });

export const InstrumentInputSchema = Type.Object(
  {
    code: Code,
    name: InstrumentNamesSchema,
    shortName: InstrumentNamesSchema,
    adoptedOn: Type.Optional(Nullable(Day)),
    inForceOn: Type.Optional(Nullable(Day)),
    reference: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type InstrumentInput = Static<typeof InstrumentInputSchema>;

export const InstrumentPatchSchema = Type.Object(
  {
    name: Type.Optional(InstrumentNamesSchema),
    shortName: Type.Optional(InstrumentNamesSchema),
    adoptedOn: Type.Optional(Nullable(Day)),
    inForceOn: Type.Optional(Nullable(Day)),
    reference: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type InstrumentPatch = Static<typeof InstrumentPatchSchema>;

export const TreatyActionSchema = Type.Object({
  id: Type.String(),
  instrument: Type.String(),
  state: Type.String(),
  action: Type.Enum(TREATY_ACTIONS),
  /** As the source gives it. */
  date: Type.String(),
  precision: Type.Enum(DATE_PRECISIONS),
  /** First and last day the date can mean (the same day for a full date). */
  earliest: Type.String(),
  latest: Type.String(),
  reservations: Nullable(Type.String()),
  source: Type.String(),
});
export type TreatyAction = Static<typeof TreatyActionSchema>;

export const TreatyActionInputSchema = Type.Object(
  {
    state: ISO3,
    action: Type.Enum(TREATY_ACTIONS),
    date: PartialDate,
    source: Line(4000),
    reservations: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
export type TreatyActionInput = Static<typeof TreatyActionInputSchema>;

export const StateStatusSchema = Type.Object({
  state: Type.Object({ iso3: Type.String(), name: Type.String() }),
  status: Type.Enum(TREATY_STATUSES),
  /**
   * The action that gives the status: the act of consent for a party (or for an uncertain
   * state, whose known month or year contains the date), the signature for a signatory.
   */
  basis: Nullable(TreatyActionSchema),
  signature: Nullable(TreatyActionSchema),
});
export type StateStatus = Static<typeof StateStatusSchema>;

export const StatusTotalsSchema = Type.Object({
  party: Type.Integer(),
  signatory: Type.Integer(),
  none: Type.Integer(),
  uncertain: Type.Integer(),
  total: Type.Integer(),
});
export type StatusTotals = Static<typeof StatusTotalsSchema>;

export const TreatyStatusQuerySchema = Type.Object({
  asOf: Type.Optional(Day),
  lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })),
});

export const TreatyStatusSchema = Type.Object({
  instrument: InstrumentSchema,
  asOf: Type.String(),
  totals: StatusTotalsSchema,
  items: Type.Array(StateStatusSchema),
});
export type TreatyStatusReport = Static<typeof TreatyStatusSchema>;

export const TimelinePointSchema = Type.Object({
  date: Type.String(),
  party: Type.Integer(),
  uncertain: Type.Integer(),
  signatory: Type.Integer(),
});
export const TreatyTimelineSchema = Type.Object({
  instrument: Type.String(),
  /** The status counts from each date on, until the next point; the last point is today. */
  points: Type.Array(TimelinePointSchema),
});
export type TreatyTimeline = Static<typeof TreatyTimelineSchema>;

export const ImportResultSchema = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResultSchema>;

/* National framework: legislation, action plans, authorities; proposed by focal points, reviewed by the secretariat. */

export const FRAMEWORK_KINDS = ['legislation', 'action_plan', 'authority'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];
export const PLAN_STATUSES = ['none', 'drafting', 'adopted', 'expired'] as const;
export const AUTHORITY_ROLES = ['national_authority', 'focal_point'] as const;
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export const PROPOSAL_OPERATIONS = ['create', 'update', 'remove'] as const;

const Url = Type.String({ maxLength: 2000, pattern: '^https?://' });
const Year = Type.Integer({ minimum: 1900, maximum: 2100 });

/** Every entry says where it comes from and of when (a day, month or year). */
const Sourced = {
  source: Line(4000),
  date: PartialDate,
};

export const LegislationSchema = Type.Object(
  {
    title: Line(500),
    /** Whether it criminalises all forms of trafficking in the Protocol's definition; null: not assessed. */
    criminalisesAllForms: Nullable(Type.Boolean()),
    url: Type.Optional(Nullable(Url)),
    ...Sourced,
  },
  { additionalProperties: false },
);

export const ActionPlanSchema = Type.Object(
  {
    title: Line(500),
    status: Type.Enum(PLAN_STATUSES),
    periodStart: Nullable(Year),
    periodEnd: Nullable(Year),
    coordinatingBody: Nullable(Type.String({ maxLength: 300 })),
    documentUrl: Type.Optional(Nullable(Url)),
    ...Sourced,
  },
  { additionalProperties: false },
);

export const AuthoritySchema = Type.Object(
  {
    role: Type.Enum(AUTHORITY_ROLES),
    name: Line(300),
    contactName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ().\\-/]{4,40}$' }))),
    address: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    ...Sourced,
  },
  { additionalProperties: false },
);

export const ProposalInputSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('legislation'),
      entryId: Type.Optional(Type.String({ maxLength: 80 })),
      data: LegislationSchema,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('action_plan'),
      entryId: Type.Optional(Type.String({ maxLength: 80 })),
      data: ActionPlanSchema,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('authority'), entryId: Type.Optional(Type.String({ maxLength: 80 })), data: AuthoritySchema },
    { additionalProperties: false },
  ),
  Type.Object(
    { remove: Type.Literal(true), entryId: Type.String({ maxLength: 80 }) },
    { additionalProperties: false, description: 'Propose removing an entry' },
  ),
]);
export type ProposalInput = Static<typeof ProposalInputSchema>;

const EntryData = Type.Record(Type.String(), Type.Unknown());

export const FrameworkVersionSchema = Type.Object({
  version: Type.Integer(),
  data: EntryData,
  reviewedAt: Type.String(),
});

export const FrameworkEntrySchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(FRAMEWORK_KINDS),
  version: Type.Integer(),
  data: EntryData,
  updatedAt: Type.String(),
  /** Earlier reviewed versions, newest first. */
  history: Type.Array(FrameworkVersionSchema),
});
export type FrameworkEntry = Static<typeof FrameworkEntrySchema>;

export const NationalFrameworkSchema = Type.Object({
  legislation: Type.Array(FrameworkEntrySchema),
  actionPlans: Type.Array(FrameworkEntrySchema),
  /** Contacts of authorities and focal points: null for the public (signed-in users only). */
  authorities: Nullable(Type.Array(FrameworkEntrySchema)),
});
export type NationalFramework = Static<typeof NationalFrameworkSchema>;

export const ProposalSchema = Type.Object({
  id: Type.String(),
  memberState: Type.String(),
  kind: Type.Enum(FRAMEWORK_KINDS),
  operation: Type.Enum(PROPOSAL_OPERATIONS),
  entryId: Nullable(Type.String()),
  data: Nullable(EntryData),
  status: Type.Enum(PROPOSAL_STATUSES),
  proposedRole: Type.String(),
  proposedAt: Type.String(),
  reviewedAt: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
});
export type Proposal = Static<typeof ProposalSchema>;
export const ProposalListSchema = Type.Object({ items: Type.Array(ProposalSchema) });

export const ReviewInputSchema = Type.Object(
  {
    decision: Type.Enum(['accept', 'reject'] as const),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInputSchema>;

export const ProfileTreatySchema = Type.Object({
  instrument: Type.Object({ code: Type.String(), name: Type.String(), shortName: Type.String() }),
  /** As of today. */
  status: Type.Enum(TREATY_STATUSES),
  actions: Type.Array(TreatyActionSchema),
});

export const TreatyActionPatchSchema = Type.Object(
  {
    action: Type.Optional(Type.Enum(TREATY_ACTIONS)),
    date: Type.Optional(PartialDate),
    source: Type.Optional(Line(4000)),
    reservations: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TreatyActionPatch = Static<typeof TreatyActionPatchSchema>;

/** A state's delegation to one meeting, as the reader may see it (server/modules/participation/delegations-of-state.ts). */
export const ProfileDelegationSchema = Type.Object({
  meeting: Type.Object({
    slug: Type.String(),
    /** In the reader's language, or the best fallback. */
    title: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
  }),
  /** The head of delegation's name; null when there is none or the reader may not see it. */
  head: Nullable(Type.String()),
  /** Accredited delegates per category (only categories with someone in them). */
  delegates: Type.Array(Type.Object({ category: Type.String(), count: Type.Integer() })),
  total: Type.Integer(),
});
export type ProfileDelegation = Static<typeof ProfileDelegationSchema>;

/** A published practice of the library that ran in the state or that its focal point submitted. */
export const ProfilePracticeSchema = Type.Object({
  id: Type.String(),
  /** In the reader's language, else in the original's (`lang` says which). */
  title: Type.String(),
  lang: LangSchema,
  publishedAt: Type.String(),
  /** The practice's page in the web app. */
  url: Type.String(),
});
export type ProfilePractice = Static<typeof ProfilePracticeSchema>;

export const MemberStateProfileSchema = Type.Object({
  memberState: MemberStateSchema,
  asOf: Type.String(),
  treaties: Type.Array(ProfileTreatySchema),
  /** Reviewed entries only; authorities' contacts for signed-in users only. */
  nationalFramework: NationalFrameworkSchema,
  /**
   * Delegations to meetings, newest first. The public sees announced meetings only, and of them
   * what the public participant list shows: accredited people who consented (counts), and the
   * head's name if the head is one of them.
   */
  delegations: Type.Array(ProfileDelegationSchema),
  /**
   * The newest of the state's published practices (at most 10): those that ran in the state and
   * those its focal point submitted. `practiceCount` counts them all.
   */
  practices: Type.Array(ProfilePracticeSchema),
  practiceCount: Type.Integer({ minimum: 0 }),
});
export type MemberStateProfile = Static<typeof MemberStateProfileSchema>;
