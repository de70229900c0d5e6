/**
 * Stable error codes. The API answers RFC 9457 problem+json with one of these in `code`;
 * the UI translates the code (locales: `error.<code>`), never the English `title`.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unsupported_language: 400,
  unauthorized: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  token_invalid: 400,
  email_taken: 409,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  quota_exceeded: 409,
  idempotency_mismatch: 422,
  deadline_passed: 422,
  registration_not_open: 422,
  unprocessable: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}
