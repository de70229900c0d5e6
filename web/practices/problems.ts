import type { IntlShape } from 'react-intl';
import { asApiError, fieldFor, problemErrors, type FormError } from '../forms/problem.js';

// The reasons server/modules/practices gives, in the reader's language: a refusal the server
// explains ("this PDF is incomplete") is actionable, a bare "not accepted" is not.
const REASONS: Record<string, string> = {
  not_editable: 'practices.error.notEditable',
  not_submittable: 'practices.error.notSubmittable',
  not_reviewable: 'practices.error.notReviewable',
  not_revisable: 'practices.error.notRevisable',
  comment_required: 'practices.error.commentRequired',
  unknown_state: 'practices.error.unknownState',
  unknown_organization: 'practices.error.unknownOrganization',
  unknown_meeting: 'practices.error.unknownMeeting',
  unknown_agenda_item: 'practices.error.unknownAgendaItem',
  too_many: 'practices.error.tooMany',
  empty: 'documents.error.file.empty',
  truncated: 'documents.error.file.truncated',
  executable: 'documents.error.file.executable',
  svg: 'documents.error.file.svg',
  html: 'documents.error.file.html',
  unknown_type: 'practices.error.fileType',
  no_file: 'practices.error.fileType',
};

/**
 * A refused practice request as summary entries: `fields` maps JSON pointers of the body to
 * control ids, `file` is the control a refused upload belongs to.
 */
export function practiceErrors(
  intl: IntlShape,
  err: unknown,
  fields: Record<string, string> = {},
  file?: string,
): FormError[] {
  const error = asApiError(err);
  const known = error.reason ? REASONS[error.reason] : undefined;
  if (error.code === 'payload_too_large') {
    return [{ field: file ?? null, message: intl.formatMessage({ id: 'practices.error.fileTooLarge' }) }];
  }
  if (error.code === 'unsupported_media_type') {
    return [{ field: file ?? null, message: intl.formatMessage({ id: known ?? 'practices.error.fileType' }) }];
  }
  if (error.code === 'forbidden' && error.reason !== 'csrf') {
    return [{ field: null, message: intl.formatMessage({ id: 'practices.error.forbidden' }) }];
  }
  if (known) return [{ field: null, message: intl.formatMessage({ id: known }) }];
  const byReason = error.errors.map((p) => (p.reason ? REASONS[p.reason] : undefined));
  if (byReason.some(Boolean)) {
    return error.errors.map((problem, i) => ({
      field: fieldFor(problem.path, fields),
      message: intl.formatMessage({ id: byReason[i] ?? 'form.error.invalid' }),
    }));
  }
  return problemErrors(intl, error, fields);
}
