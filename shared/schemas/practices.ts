import { Type, type Static, type TSchema } from 'typebox';
import {
  EXPLOITATION_FORMS,
  SUBREGIONS,
  TARGET_GROUPS,
  TEXT_FIELDS,
  TEXT_SOURCES,
  THEMES,
} from '../practice-vocabulary.js';
import { LangSchema } from './text.js';

export { EXPLOITATION_FORMS, SUBREGIONS, TARGET_GROUPS, TEXT_FIELDS, TEXT_SOURCES, THEMES };
export const PRACTICE_STATUSES = ['draft', 'submitted', 'returned', 'published', 'rejected'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];
export type TextField = (typeof TEXT_FIELDS)[number];
export const FACETS = ['theme', 'targetGroup', 'form', 'subregion', 'country', 'orgKind', 'year'] as const;
export type Facet = (typeof FACETS)[number];

/** Largest attachment; refused while streaming beyond it. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_FORMATS = ['pdf', 'docx', 'odt', 'png', 'jpeg', 'webp'] as const;
export type AttachmentFormat = (typeof ATTACHMENT_FORMATS)[number];

const closed = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Iso3 = Type.String({ pattern: '^[A-Z]{3}$' });
const Place = Type.String({ minLength: 1, maxLength: 120 });
const OrgId = Type.String({ minLength: 1, maxLength: 80 });
const YearMonth = Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$', description: 'YYYY or YYYY-MM' });

const version = (max: number) =>
  Type.Object({ text: Type.String({ maxLength: max }), source: Type.Enum(TEXT_SOURCES) }, closed);
/** A text in its original language plus translations, each marked with who wrote it. */
const PracticeText = (max: number) =>
  Type.Object(
    {
      original: LangSchema,
      values: Type.Object(
        {
          en: Type.Optional(version(max)),
          es: Type.Optional(version(max)),
          fr: Type.Optional(version(max)),
          pt: Type.Optional(version(max)),
        },
        closed,
      ),
    },
    closed,
  );
export type PracticeTextValue = Static<ReturnType<typeof PracticeText>>;

export const PracticeInputSchema = Type.Object(
  {
    title: PracticeText(300),
    summary: PracticeText(2000),
    description: PracticeText(20000),
    results: Type.Optional(PracticeText(10000)),
    lessons: Type.Optional(PracticeText(10000)),
    contact: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    themes: Type.Array(Type.Enum(THEMES), { minItems: 1, uniqueItems: true }),
    targetGroups: Type.Optional(Type.Array(Type.Enum(TARGET_GROUPS), { uniqueItems: true })),
    exploitationForms: Type.Optional(Type.Array(Type.Enum(EXPLOITATION_FORMS), { uniqueItems: true })),
    countries: Type.Optional(Type.Array(Iso3, { uniqueItems: true, maxItems: 40 })),
    otherPlaces: Type.Optional(
      Type.Array(
        Type.Object(
          {
            en: Type.Optional(Place),
            es: Type.Optional(Place),
            fr: Type.Optional(Place),
            pt: Type.Optional(Place),
          },
          { ...closed, minProperties: 1, description: 'A place that is not a member state, named per language' },
        ),
        { maxItems: 20 },
      ),
    ),
    periodStart: Type.Optional(Nullable(YearMonth)),
    periodEnd: Type.Optional(Nullable(YearMonth)),
    implementers: Type.Optional(Type.Array(OrgId, { uniqueItems: true, maxItems: 20 })),
    partners: Type.Optional(Type.Array(OrgId, { uniqueItems: true, maxItems: 40 })),
    funders: Type.Optional(Type.Array(OrgId, { uniqueItems: true, maxItems: 20 })),
    presentedAt: Type.Optional(
      Type.Array(
        Type.Object(
          {
            meeting: Type.String({ maxLength: 80 }),
            agendaItem: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
          },
          closed,
        ),
        { maxItems: 20 },
      ),
    ),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  closed,
);
export type PracticeInput = Static<typeof PracticeInputSchema>;

export const ReviewInputSchema = Type.Object(
  {
    decision: Type.Enum(['publish', 'return', 'reject'] as const),
    comment: Type.Optional(Type.String({ maxLength: 5000 })),
    /** Publishing text that looks like it names a victim or carries personal data needs this. */
    confirmPersonalData: Type.Optional(Type.Boolean()),
  },
  closed,
);
export const CommentInputSchema = Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }) }, closed);

export const SearchQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  lang: Type.Optional(Type.String({ description: 'en, es, fr or pt: the reading language' })),
  theme: Type.Optional(Type.Enum(THEMES)),
  targetGroup: Type.Optional(Type.Enum(TARGET_GROUPS)),
  form: Type.Optional(Type.Enum(EXPLOITATION_FORMS)),
  subregion: Type.Optional(Type.Enum(SUBREGIONS)),
  country: Type.Optional(Iso3),
  orgKind: Type.Optional(Type.String({ maxLength: 40 })),
  year: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
  sort: Type.Optional(Type.Enum(['relevance', 'date'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
});
export type SearchQuery = Static<typeof SearchQuerySchema>;

const Localized = Type.Object({
  text: Type.String(),
  lang: LangSchema,
  original: Type.Boolean(),
  source: Type.Enum(TEXT_SOURCES),
  fallback: Type.Boolean(),
});
/** A snippet as segments, so no HTML travels: the page marks the matched words itself. */
const Snippet = Type.Array(Type.Object({ text: Type.String(), match: Type.Boolean() }));

export const PracticeHitSchema = Type.Object({
  id: Type.String(),
  title: Localized,
  summary: Localized,
  snippet: Nullable(Snippet),
  themes: Type.Array(Type.String()),
  countries: Type.Array(Type.String()),
  year: Nullable(Type.String()),
  publishedAt: Type.String(),
});
export const FacetCountSchema = Type.Object({ value: Type.String(), count: Type.Integer() });
export const SearchResultSchema = Type.Object({
  items: Type.Array(PracticeHitSchema),
  total: Type.Integer(),
  facets: Type.Record(Type.String(), Type.Array(FacetCountSchema)),
  nextCursor: Nullable(Type.String()),
});
export type SearchResult = Static<typeof SearchResultSchema>;

export const AttachmentSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  format: Type.Enum(ATTACHMENT_FORMATS),
  contentType: Type.String(),
  size: Type.Integer(),
  url: Type.String(),
});
export const CommentSchema = Type.Object({
  id: Type.String(),
  revision: Type.Integer(),
  kind: Type.Enum(['comment', 'submit', 'publish', 'return', 'reject'] as const),
  body: Type.String(),
  author: Type.String(),
  role: Type.String(),
  createdAt: Type.String(),
});
export const WarningSchema = Type.Object({
  field: Type.String(),
  lang: LangSchema,
  kind: Type.Enum(['email', 'phone', 'birth_date', 'victim_name'] as const),
  excerpt: Type.String(),
});
export type PersonalDataWarning = Static<typeof WarningSchema>;

export const PracticeSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum(PRACTICE_STATUSES),
  /** The revision shown: the published one to the public, the latest to its owners and the secretariat. */
  revision: Type.Integer(),
  publishedRevision: Nullable(Type.Integer()),
  owner: Type.Object({ memberState: Nullable(Type.String()), organizationId: Nullable(Type.String()) }),
  data: PracticeInputSchema,
  /** Each text field read in the requested language (with fallback flagged). */
  read: Type.Record(Type.String(), Localized),
  attachments: Type.Array(AttachmentSchema),
  /** For owners and the secretariat only: the discussion, the revisions and the warnings. */
  comments: Type.Optional(Type.Array(CommentSchema)),
  revisions: Type.Optional(
    Type.Array(Type.Object({ number: Type.Integer(), status: Type.String(), createdAt: Type.String() })),
  ),
  warnings: Type.Optional(Type.Array(WarningSchema)),
  can: Type.Object({ edit: Type.Boolean(), submit: Type.Boolean(), review: Type.Boolean(), revise: Type.Boolean() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
});
export type PracticeView = Static<typeof PracticeSchema>;

export const CreatePracticeSchema = Type.Object(
  {
    /** For whom: a focal point's state or a representative's organisation; none for the secretariat's own. */
    memberState: Type.Optional(Nullable(Iso3)),
    organizationId: Type.Optional(Nullable(OrgId)),
    data: PracticeInputSchema,
  },
  closed,
);

export const WorkItemSchema = Type.Object({
  id: Type.String(),
  title: Localized,
  status: Type.Enum(PRACTICE_STATUSES),
  revision: Type.Integer(),
  publishedRevision: Nullable(Type.Integer()),
  memberState: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export const WorkListSchema = Type.Object({ items: Type.Array(WorkItemSchema) });
