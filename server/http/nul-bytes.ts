import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  // Files (PDF, Office documents) are bytes, not text: NUL is ordinary there, and walking them
  // element by element took seconds per megabyte.
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return false;
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || hasNul(v, depth + 1)) return true;
  return false;
}

/**
 * PostgreSQL text cannot hold U+0000 and fails the whole query on it; no legitimate input has one.
 * Refused at the edge with a clear 400 on both engines, so behaviour does not depend on the database.
 */
export function rejectNulBytes(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body)) {
      throw new AppError('bad_request', 'The request contains a NUL character.');
    }
  });
}
