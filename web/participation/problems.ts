import type { IntlShape } from 'react-intl';
import { asApiError, fieldFor, problemErrors, type FormError } from '../forms/problem.js';
import { CATEGORIES, type Category } from './types.js';

// The reasons the server gives for a field of a registration (server/modules/participation),
// said in the reader's language; a problem without a known reason falls back to its code's sentence.
const REASONS: Record<string, string> = {
  not_accredited: 'participation.error.orgNotAccredited',
  other_state: 'participation.error.orgOtherState',
  organization_kind: 'participation.error.orgKind',
  organization_unknown: 'participation.error.orgKind',
  organization_category: 'participation.error.orgKind',
  organization_required: 'participation.error.orgRequired',
  not_invited: 'participation.error.notInvited',
  category_not_taken: 'participation.error.categoryNotTaken',
  head_not_member: 'participation.error.headNotMember',
  id_document_required: 'participation.error.idRequired',
  blank: 'form.error.empty',
  control_characters: 'participation.error.controlCharacters',
  reason_required: 'participation.error.reasonRequired',
};

export const isCategory = (value: unknown): value is Category =>
  typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);

/** "No place left for Government…": the full category named, from the problem's `category`. */
export function quotaMessage(intl: IntlShape, extensions: Record<string, unknown>): string {
  const { category, limit } = extensions;
  const max = typeof limit === 'number' ? limit : null;
  if (isCategory(category)) {
    const name = intl.formatMessage({ id: `participation.category.${category}` });
    return max === null
      ? intl.formatMessage({ id: 'participation.error.quotaCategoryNoLimit' }, { category: name })
      : intl.formatMessage({ id: 'participation.error.quotaCategory' }, { category: name, limit: max });
  }
  if (category === 'total' && max !== null) {
    return intl.formatMessage({ id: 'participation.error.quotaTotal' }, { limit: max });
  }
  return intl.formatMessage({ id: 'error.quota_exceeded' });
}

/**
 * A failed registration, substitution or decision as summary entries: `fields` maps JSON pointers
 * of the request body ("/person/email") to control ids; `/category` also takes a full quota.
 */
export function participationErrors(intl: IntlShape, err: unknown, fields: Record<string, string> = {}): FormError[] {
  const error = asApiError(err);
  if (error.code === 'quota_exceeded') {
    return [{ field: fields['/category'] ?? null, message: quotaMessage(intl, error.extensions) }];
  }
  if (error.code === 'forbidden' && error.reason !== 'csrf') {
    return [{ field: null, message: intl.formatMessage({ id: 'participation.error.forbidden' }) }];
  }
  if ((error.code === 'unprocessable' || error.code === 'validation_failed') && error.errors.length > 0) {
    const known = error.errors.map((problem) => (problem.reason ? REASONS[problem.reason] : undefined));
    if (known.some(Boolean)) {
      const out: FormError[] = [];
      error.errors.forEach((problem, i) => {
        const match = known[i];
        const message = match
          ? intl.formatMessage({ id: match })
          : intl.formatMessage({ id: error.code === 'unprocessable' ? 'error.unprocessable' : 'form.error.invalid' });
        const field = fieldFor(problem.path, fields);
        if (!out.some((e) => e.field === field && e.message === message)) out.push({ field, message });
      });
      return out;
    }
    if (error.code === 'unprocessable') {
      return error.errors.map((problem) => ({
        field: fieldFor(problem.path, fields),
        message: intl.formatMessage({ id: 'error.unprocessable' }),
      }));
    }
  }
  return problemErrors(intl, error, fields);
}
