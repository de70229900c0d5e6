import { ERROR_STATUS, type ErrorCode } from '../../shared/problem.js';

/** A failure the client caused or can act on; the global error handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly extensions: Record<string, unknown>;

  constructor(code: ErrorCode, detail?: string, extensions: Record<string, unknown> = {}) {
    super(detail ?? code);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.extensions = extensions;
  }
}

export const TITLES: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'The request is not valid',
  unsupported_language: 'Unsupported language',
  unauthorized: 'Sign-in required',
  invalid_credentials: 'Wrong email or password',
  mfa_required: 'Second factor required',
  token_invalid: 'Link or code invalid or expired',
  email_taken: 'Email already in use',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  conflict: 'Conflict',
  quota_exceeded: 'No place left',
  idempotency_mismatch: 'Idempotency key reused for another request',
  deadline_passed: 'Registration has closed',
  registration_not_open: 'Registration is not open yet',
  unprocessable: 'The request cannot be carried out',
  payload_too_large: 'Request too large',
  unsupported_media_type: 'Unsupported content type',
  rate_limited: 'Too many requests',
  internal: 'Internal error',
  unavailable: 'Busy, try again',
};
