import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_STATUS, type ErrorCode, type Problem } from '../../shared/problem.js';
import { AppError, TITLES } from './errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const status = ERROR_STATUS[code];
  // RFC 9110 §10.2.3: clients and proxies read the wait from the header, the UI from the body.
  if (code === 'rate_limited' && typeof extensions.retryAfter === 'number') {
    reply.header('retry-after', String(extensions.retryAfter));
  }
  const body: Problem = {
    type: `about:blank#${code}`,
    title: TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...extensions,
  };
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Maps Fastify's own client errors (bad JSON, body too large, ...) to our stable codes. */
function codeForFastifyError(err: FastifyError): ErrorCode | null {
  const status = err.statusCode ?? 500;
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 404) return 'not_found';
  if (status === 405) return 'method_not_allowed';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'bad_request';
  return null;
}

/**
 * Contention the database gave up on: SQLite still locked after its busy timeout, a PostgreSQL
 * deadlock or serialization failure. Not the client's fault and not a bug: 503, retry.
 */
function isContention(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '40P01', '40001'].includes(code);
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(
        reply,
        request,
        error.code,
        error.message === error.code ? undefined : error.message,
        error.extensions,
      );
    }
    if (error.validation) {
      const errors = (error.validation as ValidationIssue[]).map((v) => {
        const extra = v.params?.additionalProperty ? `/${String(v.params.additionalProperty)}` : '';
        return {
          path: `${error.validationContext ?? ''}${v.instancePath ?? ''}${extra}`,
          message: v.message ?? 'invalid',
        };
      });
      return sendProblem(reply, request, 'validation_failed', error.message, { errors });
    }
    const code = codeForFastifyError(error);
    if (code) return sendProblem(reply, request, code, error.message);
    if (isContention(error)) {
      // Nothing was written (the transaction rolled back); the client may simply try again.
      request.log.warn({ err: error }, 'database contention');
      reply.header('retry-after', '1');
      return sendProblem(reply, request, 'unavailable', 'The database was busy; nothing was saved. Try again.', {
        retryAfter: 1,
      });
    }
    // A 5xx says nothing about its cause to the client; the log (with the request id) does.
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, 'internal');
  });
}
