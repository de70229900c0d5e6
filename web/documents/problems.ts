import type { IntlShape } from 'react-intl';
import { asApiError, fieldFor, problemErrors, type FormError } from '../forms/problem.js';

// The reasons server/modules/documents gives, in the reader's language. A refusal the server
// explains is worth saying precisely: "this PDF is incomplete" is actionable, "not accepted" is not.
const REASONS: Record<string, string> = {
  symbol_taken: 'documents.error.symbolTaken',
  symbol_secretariat_only: 'documents.error.symbolSecretariat',
  original_missing: 'documents.error.originalMissing',
  not_draft: 'documents.error.notDraft',
  not_issued: 'documents.error.notIssued',
  file_issued: 'documents.error.fileIssued',
  unknown_agenda_item: 'documents.error.unknownItem',
  unknown_member_state: 'documents.error.unknownState',
  unknown_organization: 'documents.error.unknownOrganization',
  unknown_document: 'documents.error.unknownDocument',
  invalid_date: 'documents.error.invalidDate',
  empty: 'documents.error.file.empty',
  truncated: 'documents.error.file.truncated',
  executable: 'documents.error.file.executable',
  svg: 'documents.error.file.svg',
  html: 'documents.error.file.html',
  unknown_type: 'documents.error.file.unknownType',
  no_file: 'documents.error.file.unknownType',
};

/**
 * A refused document request as summary entries. `fields` maps JSON pointers of the body
 * ("/symbol") to control ids; `file` is the control a refused upload belongs to, and `reasonField`
 * where a conflict's reason points (the symbol field for a taken symbol).
 */
export function documentErrors(
  intl: IntlShape,
  err: unknown,
  fields: Record<string, string> = {},
  { file, reasonField = {} }: { file?: string; reasonField?: Record<string, string> } = {},
): FormError[] {
  const error = asApiError(err);
  const known = error.reason ? REASONS[error.reason] : undefined;
  if (error.code === 'payload_too_large') {
    return [{ field: file ?? null, message: intl.formatMessage({ id: 'documents.error.file.tooLarge' }) }];
  }
  if (error.code === 'unsupported_media_type') {
    return [{ field: file ?? null, message: intl.formatMessage({ id: known ?? 'documents.error.file.unknownType' }) }];
  }
  if (error.code === 'forbidden' && error.reason !== 'csrf') {
    return [{ field: null, message: intl.formatMessage({ id: 'documents.error.forbidden' }) }];
  }
  if (known && error.reason) {
    return [{ field: reasonField[error.reason] ?? null, message: intl.formatMessage({ id: known }) }];
  }
  const byReason = error.errors.map((p) => (p.reason ? REASONS[p.reason] : undefined));
  if (byReason.some(Boolean)) {
    return error.errors.map((problem, i) => ({
      field: fieldFor(problem.path, fields),
      message: intl.formatMessage({ id: byReason[i] ?? 'form.error.invalid' }),
    }));
  }
  return problemErrors(intl, error, fields);
}
