import { AuditPageSchema, AuditQuerySchema } from '../../../shared/schemas/audit.js';
import { authorize } from '../../auth/policy.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { listAudit } from './list-audit.js';
import { canReadAudit } from './policy.js';

/** Routes for the audit trail, read by the secretariat. */
export function auditRoutes(app: App): void {
  app.get(
    '/api/audit',
    {
      // Asked before the query is validated, so every refused attempt is recorded, however malformed.
      preValidation: async (request) => {
        await authorize(request, canReadAudit(request.actor), 'audit.read', { type: 'audit_log' });
      },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered and paged by cursor (secretariat)',
        description:
          '`action` matches a prefix, `actor` any part of the label (case-insensitive), `from` inclusive and `to` exclusive. Pass `nextCursor` back as `cursor` for the next page.',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...ProblemResponses },
      },
    },
    async (request) => listAudit(app.db, request.query),
  );
}
