import { Type, type Static } from 'typebox';
import { FIRST_YEAR, type REPORT_STATUSES } from './statistics.js';

/** The most reports one page lists: 35 states × some 25 years fit in a few pages. */
export const REPORT_LIST_MAX_PAGE_SIZE = 200;

// Spelt out: a mapped union types as never.
const Status = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('validated'),
  Type.Literal('returned'),
]) satisfies { anyOf: { const: (typeof REPORT_STATUSES)[number] }[] };

export const ReportListQuerySchema = Type.Object({
  state: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 code' })),
  status: Type.Optional(Status),
  year: Type.Optional(Type.Integer({ minimum: FIRST_YEAR, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: REPORT_LIST_MAX_PAGE_SIZE, default: 100 })),
});
export type ReportListQuery = Static<typeof ReportListQuerySchema>;

/** One state-year report as the review queue and a focal point's list show it: no figures, their count. */
export const ReportSummarySchema = Type.Object({
  state: Type.String(),
  year: Type.Integer(),
  revision: Type.Integer(),
  publishedRevision: Type.Union([Type.Null(), Type.Integer()]),
  status: Status,
  submittedAt: Type.Union([Type.Null(), Type.String()]),
  validatedAt: Type.Union([Type.Null(), Type.String()]),
  updatedAt: Type.String(),
  /** Data points in the current revision. */
  values: Type.Integer(),
  /** Indicators with at least one data point in the current revision. */
  indicators: Type.Integer(),
});
export type ReportSummary = Static<typeof ReportSummarySchema>;

export const ReportListSchema = Type.Object({
  items: Type.Array(ReportSummarySchema),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});
export type ReportList = Static<typeof ReportListSchema>;
