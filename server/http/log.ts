import type { FastifyRequest } from 'fastify';

/** Single-use links carry their secret in the path; the log keeps the route, never the token. */
export function redactUrl(url: string): string {
  return url.replace(/\/(invitations?|reset|password-reset)\/[^/?#]+/g, '/$1/[redacted]');
}

export const requestSerializer = (req: FastifyRequest) => ({
  method: req.method,
  url: redactUrl(req.url),
  remoteAddress: req.ip,
});
