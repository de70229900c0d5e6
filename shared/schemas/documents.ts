import { Type, type Static, type TSchema } from 'typebox';
import { DateSchema, MultiTextSchema } from './editing.js';
import { LangSchema, LocalizedTextSchema } from './text.js';

export const DOCUMENT_KINDS = [
  'concept_note',
  'agenda',
  'resolution',
  'country_report',
  'presentation',
  'background',
  'information',
  'report',
  'list_of_participants',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** What focal points and organisation representatives may file for their state or organisation. */
export const DELEGATION_DOCUMENT_KINDS: readonly DocumentKind[] = ['country_report', 'presentation'];

export const DOCUMENT_STATUSES = ['draft', 'issued', 'superseded'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DISTRIBUTIONS = ['public', 'participants', 'secretariat'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export const REVISION_KINDS = ['original', 'rev', 'corr'] as const;
export const FILE_FORMATS = ['pdf', 'docx', 'xlsx', 'pptx', 'odt'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Largest file accepted per language version. */
export const DOCUMENT_MAX_BYTES = 25 * 1024 * 1024;
export const SYMBOL_MAX = 120;

const closed = { additionalProperties: false } as const;
/** `T | null`, null first: Ajv's type coercion would otherwise turn a null into "" in the string branch. */
const Nullable = <T extends TSchema>(schema: T) => Type.Union([Type.Null(), schema]);
const Symbol = Type.String({ minLength: 1, maxLength: SYMBOL_MAX, description: 'e.g. OEA/Ser.K/XXXIX CIDH/doc.1' });

export const DocumentInputSchema = Type.Object(
  {
    kind: Type.Enum(DOCUMENT_KINDS),
    title: MultiTextSchema,
    date: Type.Optional(Nullable(DateSchema)),
    distribution: Type.Optional(Type.Enum(DISTRIBUTIONS, { description: 'public by default' })),
    agendaItemKey: Type.Optional(Nullable(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9_-]{1,64}$' }))),
    memberState: Type.Optional(Nullable(Type.String({ pattern: '^[A-Z]{3}$' }))),
    organizationId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 80 }))),
    symbol: Type.Optional(Nullable(Symbol)),
  },
  closed,
);
export type DocumentInput = Static<typeof DocumentInputSchema>;

export const IssueInputSchema = Type.Object(
  {
    symbol: Type.Optional(Symbol),
    series: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Assign the next `<series>/doc.N` of the meeting' }),
    ),
    date: Type.Optional(DateSchema),
  },
  closed,
);
export const RevisionInputSchema = Type.Object(
  {
    kind: Type.Enum(['rev', 'corr'] as const),
    date: Type.Optional(DateSchema),
    note: Type.String({ minLength: 1, maxLength: 2000, description: 'What changed' }),
  },
  closed,
);
export const SupersedeInputSchema = Type.Object(
  { by: Type.Optional(Type.String({ format: 'uuid', description: 'The document that replaces it' })) },
  closed,
);

export const DocumentFileSchema = Type.Object({
  lang: LangSchema,
  role: Type.Enum(['original', 'translation'] as const),
  official: Type.Boolean(),
  format: Type.Enum(FILE_FORMATS),
  contentType: Type.String(),
  fileName: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  url: Type.String(),
});

export const RevisionSchema = Type.Object({
  number: Type.Integer({ description: '0: as first issued; then each rev./corr. in order' }),
  kind: Type.Enum(REVISION_KINDS),
  label: Nullable(Type.String({ description: 'rev. 1, corr. 1 …' })),
  date: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  files: Type.Array(DocumentFileSchema),
});

/** The language version a reader gets, and whether it is a fallback to the original. */
export const ReadingSchema = Type.Object({
  revision: Type.Integer(),
  lang: LangSchema,
  original: Type.Boolean(),
  official: Type.Boolean(),
  fallback: Type.Boolean(),
  url: Type.String(),
});

const common = {
  id: Type.String(),
  symbol: Nullable(Type.String()),
  kind: Type.Enum(DOCUMENT_KINDS),
  title: LocalizedTextSchema,
  originalLang: LangSchema,
  date: Nullable(Type.String()),
  status: Type.Enum(DOCUMENT_STATUSES),
  distribution: Type.Enum(DISTRIBUTIONS),
  agendaItemKey: Nullable(Type.String()),
  memberState: Nullable(Type.String()),
  organizationId: Nullable(Type.String()),
  issuedAt: Nullable(Type.String()),
  /** The revision shown by default: the latest that has files (else the latest). */
  currentRevision: Type.Integer(),
  currentLabel: Nullable(Type.String()),
  languages: Type.Array(LangSchema, { description: 'Languages available in the current revision' }),
  reading: Nullable(ReadingSchema),
};

export const DocumentSummarySchema = Type.Object(common);
export type DocumentSummary = Static<typeof DocumentSummarySchema>;

export const DocumentSchema = Type.Object({
  ...common,
  meeting: Type.Object({ slug: Type.String() }),
  supersededBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  revisions: Type.Array(RevisionSchema),
  can: Type.Object({ upload: Type.Boolean(), issue: Type.Boolean() }),
});
export type DocumentView = Static<typeof DocumentSchema>;

export const DocumentListSchema = Type.Object({
  items: Type.Array(DocumentSummarySchema),
  total: Type.Integer(),
});

export const DocumentListQuerySchema = Type.Object({
  lang: Type.Optional(Type.String({ description: 'en, es, fr or pt: the language titles are read in' })),
  kind: Type.Optional(Type.Enum(DOCUMENT_KINDS)),
  language: Type.Optional(
    Type.Enum(['en', 'es', 'fr', 'pt'] as const, { description: 'Only documents with a version in this language' }),
  ),
  agendaItem: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Type.Enum(DOCUMENT_STATUSES)),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'Words in the symbol or a title (any language, accents ignored)' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000, default: 0 })),
});

/** Registers a generated document (secretariat): an agenda version or the list of participants. */
export const GeneratedInputSchema = Type.Object(
  {
    source: Type.Enum(['agenda', 'participant_list'] as const),
    version: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10000, description: 'Agenda version; the latest published by default' }),
    ),
    distribution: Type.Optional(Type.Enum(['public', 'participants'] as const, { description: 'public by default' })),
    symbol: Type.Optional(Symbol),
    series: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    date: Type.Optional(DateSchema),
  },
  closed,
);
export type GeneratedInput = Static<typeof GeneratedInputSchema>;
