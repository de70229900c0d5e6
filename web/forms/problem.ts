import type { IntlShape } from 'react-intl';
import { ApiError, type FieldProblem } from '../api.js';

/** One message of an error summary; `field` is the id of the control it is about, if any. */
export interface FormError {
  field: string | null;
  message: string;
}

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError('internal', 0, String(err));
}

/** The translated sentence for a whole-request failure. */
export function problemMessage(intl: IntlShape, error: ApiError): string {
  if (error.code === 'conflict' && (error.reason === 'self' || error.reason === 'role_held')) {
    return intl.formatMessage({ id: `error.conflict.${error.reason}` });
  }
  if (error.code === 'rate_limited' && error.retryAfter !== null) {
    const seconds = error.retryAfter;
    return seconds < 120
      ? intl.formatMessage({ id: 'form.error.retrySeconds' }, { seconds })
      : intl.formatMessage({ id: 'form.error.retryMinutes' }, { minutes: Math.ceil(seconds / 60) });
  }
  return intl.formatMessage({ id: `error.${error.code}` });
}

// Causes the server names (reason, or the message of a field problem) that deserve their own words.
const KNOWN: Record<string, string> = {
  password_length: 'form.error.passwordLength',
  password_common: 'form.error.passwordCommon',
  common: 'form.error.passwordCommon',
  totp_code: 'signIn.codeWrong',
  email_taken: 'error.email_taken',
};

// The server's English sentences for problems in edited content, recognised to be translated.
const PATTERNS: [RegExp, string][] = [
  [/^the original language/, 'form.error.originalText'],
  [/used twice this day/, 'form.error.numberTwice'],
  [/^give both start and end/, 'form.error.timePair'],
  [/^must be after the start/, 'form.error.timeOrder'],
  [/^must be within the meeting/, 'form.error.dateOutside'],
  [/^must not be before the start date/, 'form.error.dateOrder'],
  [/time zone|IANA/, 'form.error.timeZone'],
  [/format "email"/, 'form.error.email'],
  [/http:\/\/ or https:\/\//, 'form.error.website'],
  [/fewer than 1 characters|^empty$|must not be empty/, 'form.error.empty'],
  [/^must be at most \d+ characters|more than \d+ characters/, 'form.error.tooLong'],
  [/^is in the future$/, 'form.error.future'],
  [/^is not a day of the calendar$/, 'form.error.notADay'],
  [/^must not be before adoptedOn$/, 'instrumentForm.error.inForceOrder'],
];

function fieldMessage(intl: IntlShape, problem: FieldProblem, reason: string | null): string {
  const id = (reason && KNOWN[reason]) ?? KNOWN[problem.message];
  if (id) return intl.formatMessage({ id });
  if (problem.message === 'length' && /password/i.test(problem.path)) {
    return intl.formatMessage({ id: 'form.error.passwordLength' });
  }
  const pattern = PATTERNS.find(([re]) => re.test(problem.message));
  return intl.formatMessage({ id: pattern ? pattern[1] : 'form.error.invalid' });
}

/** "body/days/0/date" (schema and use-case errors) and "/name" alike become "/days/0/date". */
export function pointer(path: string): string {
  const bare = path.replace(/^body(?=\/|$)/, '');
  return bare.startsWith('/') || bare === '' ? bare : `/${bare}`;
}

/** The field whose JSON pointer is the longest prefix of `path` (a problem deep in a value). */
export function fieldFor(raw: string, fields: Record<string, string>): string | null {
  const path = pointer(raw);
  let best: string | null = null;
  let bestLength = -1;
  for (const [pointer, id] of Object.entries(fields)) {
    const matches = path === pointer || path.startsWith(`${pointer}/`);
    if (matches && pointer.length > bestLength) {
      best = id;
      bestLength = pointer.length;
    }
  }
  return best;
}

/**
 * A server problem as summary entries: each `errors[].path` on the field it points into
 * (`fields` maps JSON pointers of the request body to control ids), the rest as one sentence.
 */
export function problemErrors(intl: IntlShape, err: unknown, fields: Record<string, string> = {}): FormError[] {
  const error = asApiError(err);
  if (error.code === 'validation_failed' && error.errors.length > 0) {
    const out: FormError[] = [];
    for (const problem of error.errors) {
      const field = fieldFor(problem.path, fields);
      const message =
        field === null
          ? intl.formatMessage({ id: 'error.validation_failed' })
          : fieldMessage(intl, problem, error.reason);
      if (!out.some((e) => e.field === field && e.message === message)) out.push({ field, message });
    }
    // A nullable field with a bad value fails every branch of its union ("must be null", the
    // real cause, "must match a schema in anyOf"): keep the cause, drop the generic sentences.
    const generic = intl.formatMessage({ id: 'form.error.invalid' });
    return out.filter(
      (e) => e.message !== generic || !out.some((other) => other.field === e.field && other.message !== generic),
    );
  }
  return [{ field: null, message: problemMessage(intl, error) }];
}
