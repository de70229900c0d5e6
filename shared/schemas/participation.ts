import { Type, type Static, type TSchema } from 'typebox';
import { LangSchema } from './text.js';

// Null first: with type coercion on, Ajv would otherwise turn a null into 0 or "" for the other branch.
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);

/** The participant categories of the concept note, in the order it lists them. */
export const CATEGORIES = [
  'government',
  'civil_society',
  'permanent_mission',
  'oas_organ',
  'iom',
  'partner_institution',
  'un_agency',
  'expert',
  'ngo',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who may put a person in a category: the person themselves only by applying, subject to approval. */
export const REGISTRARS = ['focal_point', 'organization_rep', 'secretariat', 'self'] as const;
export type Registrar = (typeof REGISTRARS)[number];

/** What a category's people are grouped by: a state's delegation, an organisation's, or no one's. */
export const DELEGATION_KINDS = ['member_state', 'organization', 'none'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/** Where a category's limit applies: per delegation (state or organisation) or across the meeting. */
export const LIMIT_SCOPES = ['delegation', 'meeting'] as const;
export type LimitScope = (typeof LIMIT_SCOPES)[number];

export const REGISTRATION_STATUSES = [
  'nominated',
  'applied',
  'accredited',
  'rejected',
  'withdrawn',
  'substituted',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** Statuses that hold a place: pending ones too, as pretix counts pending orders. */
export const HOLDING_STATUSES: readonly RegistrationStatus[] = ['nominated', 'applied', 'accredited'];

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const CREDENTIALS_STATUSES = ['missing', 'received', 'verified'] as const;
export const ACCREDITATION_STATUSES = ['accredited', 'pending', 'suspended', 'expired'] as const;

const ISO3 = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 code of a member state' });
const Instant = Type.String({ format: 'date-time' });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const CategoryRuleSchema = Type.Object(
  {
    code: Type.Enum(CATEGORIES),
    registrars: Type.Array(Type.Enum(REGISTRARS), { uniqueItems: true, maxItems: 4 }),
    delegation: Type.Enum(DELEGATION_KINDS),
    /** null: no limit */
    limit: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
    limitScope: Type.Enum(LIMIT_SCOPES),
    /** Counts toward the per-state total (government and civil society in the note: 3). */
    countsTowardStateTotal: Type.Boolean(),
    /** Kinds of organisation the person must come from; empty: none required. */
    organizationKinds: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 12 }),
    /** The organisation must hold a current accreditation with the OAS (civil society). */
    requiresAccreditation: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CategoryRule = Static<typeof CategoryRuleSchema>;

export const ParticipationRulesSchema = Type.Object(
  {
    registrationOpensAt: Nullable(Instant),
    registrationClosesAt: Nullable(Instant),
    /** At most this many people per member state over the categories that count; null: no total. */
    perStateTotal: Nullable(Type.Integer({ minimum: 0, maximum: 1000 })),
    requiresIdDocument: Type.Boolean(),
    /** Days after the meeting's last day before personal data may be purged. */
    retentionDays: Type.Integer({ minimum: 0, maximum: 3650 }),
    /** Member states invited to send delegations. */
    invitedStates: Type.Array(ISO3, { uniqueItems: true, maxItems: 60 }),
    categories: Type.Array(CategoryRuleSchema, { minItems: 1, maxItems: CATEGORIES.length }),
  },
  { additionalProperties: false },
);
export type ParticipationRules = Static<typeof ParticipationRulesSchema>;

export const PersonInputSchema = Type.Object(
  {
    givenName: Line(100),
    familyName: Line(100),
    title: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    institution: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    email: Type.String({ format: 'email', maxLength: 254 }),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^\\+?[0-9 ().\\-/]{4,40}$' }))),
    gender: Type.Optional(Type.Enum(GENDERS)),
    preferredLang: Type.Optional(LangSchema),
    /** Only when the meeting requires it; encrypted at rest, shown to the secretariat only. */
    idDocumentNumber: Type.Optional(
      Nullable(Type.String({ minLength: 3, maxLength: 40, pattern: '^[A-Za-z0-9 -]+$' })),
    ),
    /** Consent to appear in the public list of participants. */
    publicListConsent: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PersonInput = Static<typeof PersonInputSchema>;

export const RegistrationInputSchema = Type.Object(
  {
    category: Type.Enum(CATEGORIES),
    memberState: Type.Optional(ISO3),
    organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    person: PersonInputSchema,
    /** Secretariat only: take a place beyond the limit, with the reason recorded in the audit trail. */
    override: Type.Optional(Type.Object({ reason: Line(500) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type RegistrationInput = Static<typeof RegistrationInputSchema>;

export const PersonSchema = Type.Object({
  givenName: Type.String(),
  familyName: Type.String(),
  title: Nullable(Type.String()),
  position: Nullable(Type.String()),
  institution: Nullable(Type.String()),
  email: Type.String(),
  phone: Nullable(Type.String()),
  gender: Type.Enum(GENDERS),
  preferredLang: LangSchema,
  publicListConsent: Type.Boolean(),
  /** Present for the secretariat only, when one was given. */
  idDocumentNumber: Type.Optional(Nullable(Type.String())),
});

export const RegistrationSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum(REGISTRATION_STATUSES),
  category: Type.Enum(CATEGORIES),
  memberState: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  /** The delegation's name in the requested language (state or organisation), or null for individuals. */
  delegationName: Nullable(Type.String()),
  person: PersonSchema,
  isHead: Type.Boolean(),
  overQuota: Type.Boolean(),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Instant),
  substitutesId: Nullable(Type.String()),
  substitutedById: Nullable(Type.String()),
  checkedInAt: Nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Registration = Static<typeof RegistrationSchema>;

export const RegistrationPageSchema = Type.Object({
  items: Type.Array(RegistrationSchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer(),
});

export const RegistrationListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(REGISTRATION_STATUSES)),
    category: Type.Optional(Type.Enum(CATEGORIES)),
    memberState: Type.Optional(ISO3),
    organizationId: Type.Optional(Type.String({ maxLength: 80 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    lang: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

export const DecisionInputSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('accredit'), Type.Literal('reject')]),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export const WithdrawalInputSchema = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);
export const SubstitutionInputSchema = Type.Object(
  { person: PersonInputSchema, reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })) },
  { additionalProperties: false },
);

export const PlacesSchema = Type.Object({
  category: Type.Union([Type.Enum(CATEGORIES), Type.Literal('total')]),
  /** null: no limit */
  limit: Nullable(Type.Integer()),
  used: Type.Integer(),
  /** null: no limit; never below zero even after an override */
  remaining: Nullable(Type.Integer()),
});

export const DelegationSchema = Type.Object({
  kind: Type.Union([Type.Literal('member_state'), Type.Literal('organization')]),
  /** ISO3 for a state, the organisation's id otherwise: what the URL takes. */
  code: Type.String(),
  name: Type.String(),
  invited: Type.Boolean(),
  headRegistrationId: Nullable(Type.String()),
  credentials: Type.Object({
    status: Type.Enum(CREDENTIALS_STATUSES),
    fileName: Nullable(Type.String()),
    receivedAt: Nullable(Instant),
    size: Nullable(Type.Integer()),
  }),
  places: Type.Array(PlacesSchema),
  members: Type.Array(RegistrationSchema),
});
export type Delegation = Static<typeof DelegationSchema>;

export const DelegationSummarySchema = Type.Object({
  kind: Type.Union([Type.Literal('member_state'), Type.Literal('organization')]),
  code: Type.String(),
  name: Type.String(),
  invited: Type.Boolean(),
  credentialsStatus: Type.Enum(CREDENTIALS_STATUSES),
  holding: Type.Integer(),
  accredited: Type.Integer(),
  places: Type.Array(PlacesSchema),
});
export const DelegationListSchema = Type.Object({ items: Type.Array(DelegationSummarySchema) });

export const DelegationPatchSchema = Type.Object(
  {
    headRegistrationId: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
    credentialsStatus: Type.Optional(Type.Enum(CREDENTIALS_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CivilSocietyOrganizationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  acronym: Nullable(Type.String()),
  country: Type.String(),
  kind: Type.String(),
  accreditation: Type.Object({
    status: Type.Enum(ACCREDITATION_STATUSES),
    validFrom: Nullable(Type.String({ format: 'date' })),
    validUntil: Nullable(Type.String({ format: 'date' })),
    /** Accredited and within validity today. */
    current: Type.Boolean(),
  }),
  website: Nullable(Type.String()),
});
export const CivilSocietyListSchema = Type.Object({ items: Type.Array(CivilSocietyOrganizationSchema) });
export const CivilSocietyInputSchema = Type.Object(
  {
    name: Line(200),
    acronym: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    country: ISO3,
    kind: Type.Optional(Type.Union([Type.Literal('ngo'), Type.Literal('academic')])),
    status: Type.Enum(ACCREDITATION_STATUSES),
    validFrom: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    validUntil: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    website: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 300 }))),
  },
  { additionalProperties: false },
);
export type CivilSocietyInput = Static<typeof CivilSocietyInputSchema>;
export const CivilSocietyPatchSchema = Type.Partial(CivilSocietyInputSchema, {
  additionalProperties: false,
  minProperties: 1,
});

export const CheckInInputSchema = Type.Object(
  {
    code: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    registrationId: Type.Optional(Type.String({ maxLength: 80 })),
    /** When the desk scanned it, for scans queued while offline; defaults to now. */
    scannedAt: Type.Optional(Instant),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const CheckInResultSchema = Type.Object({
  registrationId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  delegationName: Nullable(Type.String()),
  category: Type.Enum(CATEGORIES),
  checkedInAt: Instant,
  /** True when this code had been checked in before: checkedInAt is the first time. */
  alreadyCheckedIn: Type.Boolean(),
});

export const RosterEntrySchema = Type.Object({
  registrationId: Type.String(),
  givenName: Type.String(),
  familyName: Type.String(),
  delegationName: Nullable(Type.String()),
  memberState: Nullable(Type.String()),
  category: Type.Enum(CATEGORIES),
  code: Type.String(),
  checkedInAt: Nullable(Instant),
});
export const RosterSchema = Type.Object({ items: Type.Array(RosterEntrySchema), generatedAt: Instant });

const Counts = Type.Object({ registered: Type.Integer(), accredited: Type.Integer(), present: Type.Integer() });
export const ParticipationStatisticsSchema = Type.Object({
  total: Counts,
  byCategory: Type.Array(Type.Object({ category: Type.Enum(CATEGORIES), ...Counts.properties })),
  byState: Type.Array(Type.Object({ memberState: Type.String(), name: Type.String(), ...Counts.properties })),
  byGender: Type.Array(Type.Object({ gender: Type.Enum(GENDERS), ...Counts.properties })),
});
