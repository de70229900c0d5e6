import { Type, type Static, type TSchema } from 'typebox';

// Null first: with type coercion on, Ajv would otherwise turn a null into 0 or "" for the other branch.
const Nullable = <T extends TSchema>(t: T) => Type.Union([Type.Null(), t]);
/*
 * A count or null as one JSON type list: Ajv then coerces nothing that already matches, whereas a
 * union would turn a 0 into null (null first) or a null into 0 (integer first).
 */
const NullableCount = (description: string) => Type.Unsafe<number | null>({ type: ['integer', 'null'], description });
const Line = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const INDICATOR_CODE_PATTERN = '^[a-z][a-z0-9_]{1,39}$';
export const DIMENSION_PATTERN = '^[a-z][a-z0-9_]{0,39}$';
export const REPORT_STATUSES = ['draft', 'submitted', 'validated', 'returned'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** Years a report may cover: the Trafficking Protocol's adoption onwards. */
export const FIRST_YEAR = 2000;

export const TextsSchema = Type.Object(
  { en: Line(2000), es: Line(2000), fr: Line(2000), pt: Line(2000) },
  { additionalProperties: false, description: 'The text in each of the four languages' },
);
export type Texts = Static<typeof TextsSchema>;

/** Dimension → allowed categories, e.g. {"sex": ["female", "male"]}. */
export const BreakdownsSchema = Type.Record(
  Type.String({ pattern: DIMENSION_PATTERN }),
  Type.Array(Type.String({ pattern: DIMENSION_PATTERN }), { minItems: 1, maxItems: 50, uniqueItems: true }),
);
export type Breakdowns = Static<typeof BreakdownsSchema>;

export const IndicatorInputSchema = Type.Object(
  {
    code: Type.String({ pattern: INDICATOR_CODE_PATTERN, description: 'e.g. victims_detected' }),
    name: TextsSchema,
    definition: TextsSchema,
    methodology: TextsSchema,
    unit: Type.String({ pattern: DIMENSION_PATTERN, description: 'e.g. persons' }),
    breakdowns: BreakdownsSchema,
    additive: Type.Boolean({ description: "Whether each dimension's categories must add up to the total" }),
  },
  { additionalProperties: false },
);
export type IndicatorInput = Static<typeof IndicatorInputSchema>;
export const IndicatorPatchSchema = Type.Partial(Type.Omit(IndicatorInputSchema, ['code']), {
  additionalProperties: false,
});

export const IndicatorSchema = Type.Object({
  code: Type.String(),
  name: Type.String(),
  definition: Type.String(),
  methodology: Type.String(),
  unit: Type.String(),
  breakdowns: BreakdownsSchema,
  additive: Type.Boolean(),
});
export type Indicator = Static<typeof IndicatorSchema>;
export const IndicatorListSchema = Type.Object({ items: Type.Array(IndicatorSchema) });

/** Dimension → category; {} is the national total. */
export const BreakdownSchema = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 200 }));
export type Breakdown = Static<typeof BreakdownSchema>;

export const ReportCellSchema = Type.Object(
  {
    indicator: Type.String({ maxLength: 40 }),
    breakdown: BreakdownSchema,
    value: NullableCount('A count; null only when suppressedAtSource'),
    suppressedAtSource: Type.Optional(Type.Boolean({ description: 'Below the threshold, suppressed at source' })),
    provisional: Type.Optional(Type.Boolean()),
    estimate: Type.Optional(Type.Boolean()),
    source: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    notes: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ReportCell = Static<typeof ReportCellSchema>;
export const ReportInputSchema = Type.Object(
  { values: Type.Array(ReportCellSchema, { maxItems: 5000 }) },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInputSchema>;

export const StoredCellSchema = Type.Object({
  indicator: Type.String(),
  breakdown: BreakdownSchema,
  value: Nullable(Type.Integer()),
  suppressedAtSource: Type.Boolean(),
  provisional: Type.Boolean(),
  estimate: Type.Boolean(),
  source: Nullable(Type.String()),
  notes: Nullable(Type.String()),
});
export type StoredCell = Static<typeof StoredCellSchema>;

export const ReportSchema = Type.Object({
  state: Type.String(),
  year: Type.Integer(),
  status: Type.Union(REPORT_STATUSES.map((s) => Type.Literal(s))),
  revision: Type.Integer(),
  publishedRevision: Nullable(Type.Integer()),
  submittedAt: Nullable(Type.String()),
  validatedAt: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  values: Type.Array(StoredCellSchema),
  history: Type.Array(
    Type.Object({
      revision: Type.Integer(),
      action: Type.String(),
      role: Type.String(),
      comment: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
});
export type Report = Static<typeof ReportSchema>;

export const ReviewInputSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('validate'), Type.Literal('return')]),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  },
  { additionalProperties: false },
);
export type ReviewInput = Static<typeof ReviewInputSchema>;

export const DataQuerySchema = Type.Object({
  indicator: Type.Optional(Type.String({ maxLength: 40 })),
  state: Type.Optional(Type.String({ maxLength: 3 })),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2200 })),
  lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })),
});
export type DataQuery = Static<typeof DataQuerySchema>;

/** Rows per page of `GET /api/statistics/data` (whole tables, so a page may hold fewer). */
export const DataPageQuerySchema = Type.Object({
  ...DataQuerySchema.properties,
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 5000, default: 1000, description: 'Rows per page, 1000 by default' }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'The nextCursor of the previous page' })),
});
export type DataPageQuery = Static<typeof DataPageQuerySchema>;

export const DataPointSchema = Type.Object({
  indicator: Type.String(),
  state: Type.String(),
  year: Type.Integer(),
  breakdown: BreakdownSchema,
  /** Null when suppressed (here or at source). */
  value: Nullable(Type.Integer()),
  suppressed: Type.Boolean(),
  /** What a reader sees: the number, "<k" or the source's own mark ("<5"). */
  shownAs: Type.String(),
  source: Type.String(),
  origin: Type.Union([Type.Literal('reported'), Type.Literal('public_source')]),
  provisional: Type.Boolean(),
  estimate: Type.Boolean(),
});
export type DataPoint = Static<typeof DataPointSchema>;
/** A page of figures; `nextCursor` is null on the last page. */
export const DataSchema = Type.Object({
  data: Type.Array(DataPointSchema),
  minCell: Type.Integer(),
  nextCursor: Nullable(Type.String()),
});
export type DataPageBody = Static<typeof DataSchema>;
/** The JSON download: every figure matching the filters, unpaged. */
export const DataExportSchema = Type.Object({ data: Type.Array(DataPointSchema), minCell: Type.Integer() });

export const ImportResultSchema = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResultSchema>;

export const AggregateQuerySchema = Type.Object({
  indicator: Type.String({ maxLength: 40 }),
  year: Type.Integer({ minimum: 1900, maximum: 2200 }),
  region: Type.Optional(Type.String({ maxLength: 40, description: 'hemisphere (default) or a subregion code' })),
});
export const AggregateSchema = Type.Object({
  indicator: Type.String(),
  year: Type.Integer(),
  region: Type.String(),
  states: Type.Array(Type.String()),
  data: Type.Array(
    Type.Object({
      breakdown: BreakdownSchema,
      value: Nullable(Type.Integer()),
      suppressed: Type.Boolean(),
      shownAs: Type.String(),
    }),
  ),
});

export const ScorecardSchema = Type.Object({
  state: Type.String(),
  year: Type.Integer(),
  dueOn: Type.String(),
  reported: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  status: Nullable(Type.String()),
  onTime: Nullable(Type.Boolean()),
  validated: Type.Boolean(),
  trends: Type.Array(
    Type.Object({
      indicator: Type.String(),
      value: Nullable(Type.Integer()),
      previous: Nullable(Type.Integer()),
      change: Nullable(Type.Integer()),
      source: Nullable(Type.String()),
    }),
  ),
  convictionToProsecutionRatio: Nullable(Type.Number()),
  /** Where both counts of the ratio come from (always one source). */
  convictionToProsecutionSource: Nullable(Type.String()),
  methodology: Type.String(),
});
export type Scorecard = Static<typeof ScorecardSchema>;
