import type { IntlShape } from 'react-intl';
import type { FormError } from '../forms/problem.js';
import { asApiError, fieldFor, problemErrors } from '../forms/problem.js';

/** The reasons the server gives for a bad treaty action (server/modules/treaties/import-actions.ts and validate.ts). */
const ISSUES = new Set([
  'unknown_instrument',
  'unknown_state',
  'unknown_action',
  'bad_date',
  'future_date',
  'before_adoption',
  'source_required',
  'too_long',
  'duplicate',
  'field_count',
  'missing_columns',
  'unknown_columns',
  'repeated_columns',
  'empty',
  'no_rows',
  'too_many_rows',
  'unclosed_quote',
]);

/** One problem as the server sends it: a path, perhaps a line, a reason and its parameters. */
export interface IssueProblem {
  path: string;
  line?: number;
  reason?: string;
  message?: string;
  [param: string]: unknown;
}

export function issueProblems(extensions: Record<string, unknown>): IssueProblem[] {
  const errors = extensions.errors;
  return Array.isArray(errors) ? (errors.filter((e) => typeof e === 'object' && e !== null) as IssueProblem[]) : [];
}

/** The problem in the reader's language when its reason is known (with `value`, `adopted`, `max`), else as sent. */
export function issueText(intl: IntlShape, p: IssueProblem): string {
  const params = Object.fromEntries(
    Object.entries(p).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  ) as Record<string, string | number>;
  return p.reason && ISSUES.has(p.reason)
    ? intl.formatMessage({ id: `treaties.import.issue.${p.reason}` }, params)
    : String(p.message ?? '');
}

/**
 * A refused treaty form as summary entries: the reasons the treaty checks give (a date in the
 * future, before the adoption, …) in their own words next to their field; the rest as other forms.
 */
export function treatyFormErrors(intl: IntlShape, err: unknown, fields: Record<string, string>): FormError[] {
  const error = asApiError(err);
  const problems = issueProblems(error.extensions);
  if (error.code !== 'validation_failed' || !problems.some((p) => p.reason && ISSUES.has(p.reason))) {
    return problemErrors(intl, err, fields);
  }
  return problems.map((p) => ({ field: fieldFor(p.path, fields), message: issueText(intl, p) }));
}
