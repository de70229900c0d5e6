import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sends JSON that was serialised ahead of time (and validated by tests), honouring If-None-Match. */
export function sendCachedJson(request: FastifyRequest, reply: FastifyReply, json: string, etag: string): FastifyReply {
  reply.header('etag', etag);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}
