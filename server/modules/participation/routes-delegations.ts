import { Type } from 'typebox';
import {
  DelegationListSchema,
  DelegationPatchSchema,
  DelegationSchema,
} from '../../../shared/schemas/participation.js';
import { authorize } from '../../auth/policy.js';
import { writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { SlugParams } from '../meeting/routes.js';
import { delegationId } from './delegation-row.js';
import { listDelegations, parseDelegationCode, readDelegation, refTarget } from './delegations.js';
import { canListRegistrations, canManageDelegation, visibleScope } from './policy.js';
import type { ParticipationDeps } from './register.js';
import { LangQuery, meetingOr404 } from './routes.js';
import { readRules } from './rules.js';
import { checkPdf, CREDENTIALS_MAX_BYTES, safeFileName } from './upload.js';

const DelegationParams = Type.Object({
  slug: SlugParams.properties.slug,
  code: Type.String({ maxLength: 80, description: 'ISO3 of a member state (upper case) or an organisation id' }),
});
const tags = ['participation'];

/** Delegations: who is in them, places left, head of delegation, the credentials letter. */
export function delegationRoutes(app: App, deps: ParticipationDeps): void {
  // A credentials letter arrives as the request body itself; checked by content, not by its type.
  app.addContentTypeParser(
    'application/pdf',
    { parseAs: 'buffer', bodyLimit: CREDENTIALS_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/api/meetings/:slug/delegations',
    {
      schema: {
        tags,
        summary: 'Delegations with places left per category (the secretariat sees all; others their own)',
        params: SlugParams,
        querystring: LangQuery,
        response: { 200: DelegationListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, canListRegistrations(request.actor), 'delegation.list', {
        type: 'meeting',
        id: request.params.slug,
      });
      const meeting = await meetingOr404(app, request.params.slug);
      const rules = await readRules(app.db, meeting.id);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      return { items: await listDelegations(app.db, meeting.id, rules, lang, visibleScope(request.actor)) };
    },
  );

  /** The delegation as the caller may see it (identity documents for the secretariat only). */
  const show = async (
    request: { query: { lang?: string }; headers: { 'accept-language'?: string } },
    meetingId: string,
    ref: ReturnType<typeof parseDelegationCode>,
    role: string,
  ) => {
    const rules = await readRules(app.db, meetingId);
    const lang = requestLang(request.query.lang, request.headers['accept-language']);
    const admin = role === 'secretariat' || role === 'cli';
    return readDelegation(app.db, meetingId, rules, ref, lang, admin ? deps.keys : null);
  };

  const guarded = async (
    request: { params: { slug: string; code: string } } & Parameters<typeof authorize>[0],
    action: string,
  ) => {
    const ref = parseDelegationCode(request.params.code);
    const role = await authorize(request, canManageDelegation(request.actor, refTarget(ref)), action, {
      type: 'delegation',
      id: `${request.params.slug}/${request.params.code}`,
    });
    const meeting = await meetingOr404(app, request.params.slug);
    return { ref, role, meeting };
  };

  app.get(
    '/api/meetings/:slug/delegations/:code',
    {
      schema: {
        tags,
        summary: 'A delegation: members (head first), credentials letter status, places left per category',
        params: DelegationParams,
        querystring: LangQuery,
        response: { 200: DelegationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { ref, role, meeting } = await guarded(request, 'delegation.read');
      return show(request, meeting.id, ref, role);
    },
  );

  app.patch(
    '/api/meetings/:slug/delegations/:code',
    {
      schema: {
        tags,
        summary: 'Name the head of delegation; the secretariat also sets the credentials status',
        params: DelegationParams,
        querystring: LangQuery,
        body: DelegationPatchSchema,
        response: { 200: DelegationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { ref, role, meeting } = await guarded(request, 'delegation.update');
      const admin = role === 'secretariat' || role === 'cli';
      const { headRegistrationId, credentialsStatus } = request.body;
      if (credentialsStatus !== undefined && !admin) {
        throw new AppError('forbidden', 'Only the secretariat verifies credentials.');
      }
      await app.db.transaction().execute(async (trx) => {
        const target = refTarget(ref);
        const id = await delegationId(
          trx,
          meeting.id,
          { member_state: target.memberState, organization_id: target.organizationId },
          true,
        );
        if (!id) throw new AppError('not_found', `No delegation "${ref.code}".`);
        const before = await trx.selectFrom('delegation').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        if (headRegistrationId) {
          const member = await trx
            .selectFrom('registration')
            .select(['status'])
            .where('id', '=', headRegistrationId)
            .where('delegation_id', '=', id)
            .executeTakeFirst();
          if (!member || !['nominated', 'applied', 'accredited'].includes(member.status)) {
            throw new AppError('unprocessable', 'The head of delegation must be a current member of it.', {
              errors: [
                {
                  path: 'body/headRegistrationId',
                  message: 'is not a current member of this delegation',
                  reason: 'head_not_member',
                },
              ],
            });
          }
        }
        if (credentialsStatus === 'received' || credentialsStatus === 'verified') {
          if (!before.credentials_file_name && credentialsStatus === 'verified') {
            throw new AppError('conflict', 'No credentials letter has been uploaded to verify.');
          }
        }
        const next = {
          head_registration_id: headRegistrationId === undefined ? before.head_registration_id : headRegistrationId,
          credentials_status: credentialsStatus ?? before.credentials_status,
        };
        await trx
          .updateTable('delegation')
          .set({ ...next, updated_at: nowIso() })
          .where('id', '=', id)
          .execute();
        await writeAudit(trx, request.auditContext(role), {
          action: 'delegation.update',
          objectType: 'delegation',
          objectId: `${meeting.slug}/${ref.code}`,
          changes: {
            ...(next.head_registration_id !== before.head_registration_id
              ? { head: { before: before.head_registration_id, after: next.head_registration_id } }
              : {}),
            ...(next.credentials_status !== before.credentials_status
              ? { credentialsStatus: { before: before.credentials_status, after: next.credentials_status } }
              : {}),
          },
        });
      });
      return show(request, meeting.id, ref, role);
    },
  );

  app.put(
    '/api/meetings/:slug/delegations/:code/credentials',
    {
      schema: {
        tags,
        summary: 'Upload the credentials letter (a PDF, e.g. a note verbale) for the whole delegation',
        description: `Body: the PDF itself (Content-Type: application/pdf), at most ${CREDENTIALS_MAX_BYTES / 1024 / 1024} MB; checked by content. Optional \`?fileName=\`. Status becomes "received" until the secretariat verifies it.`,
        params: DelegationParams,
        querystring: Type.Object({
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: DelegationSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { ref, role, meeting } = await guarded(request, 'delegation.credentials_upload');
      const body = request.body;
      if (!Buffer.isBuffer(body)) {
        throw new AppError(
          'unsupported_media_type',
          'Send the letter as the request body with Content-Type: application/pdf.',
        );
      }
      checkPdf(body);
      const fileName = safeFileName(request.query.fileName ?? 'credentials.pdf', 'pdf');
      await app.db.transaction().execute(async (trx) => {
        const target = refTarget(ref);
        const id = await delegationId(
          trx,
          meeting.id,
          { member_state: target.memberState, organization_id: target.organizationId },
          true,
        );
        if (!id) throw new AppError('not_found', `No delegation "${ref.code}".`);
        const now = nowIso();
        await trx
          .updateTable('delegation')
          .set({
            credentials_file: body,
            credentials_file_name: fileName,
            credentials_received_at: now,
            credentials_status: 'received',
            updated_at: now,
          })
          .where('id', '=', id)
          .execute();
        await writeAudit(trx, request.auditContext(role), {
          action: 'delegation.credentials_upload',
          objectType: 'delegation',
          objectId: `${meeting.slug}/${ref.code}`,
          changes: { credentials: { before: null, after: `${fileName} (${body.length} bytes)` } },
        });
      });
      return show(request, meeting.id, ref, role);
    },
  );

  app.get(
    '/api/meetings/:slug/delegations/:code/credentials',
    {
      schema: {
        tags,
        summary: 'Download the credentials letter',
        params: DelegationParams,
        response: { 200: Type.Unknown({ description: 'application/pdf' }), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { ref, meeting } = await guarded(request, 'delegation.credentials_read');
      let q = app.db
        .selectFrom('delegation')
        .select(['credentials_file', 'credentials_file_name'])
        .where('meeting_id', '=', meeting.id);
      q =
        ref.kind === 'member_state'
          ? q.where('member_state', '=', ref.code)
          : q.where('organization_id', '=', ref.code);
      const row = await q.executeTakeFirst();
      if (!row?.credentials_file) throw new AppError('not_found', 'No credentials letter has been uploaded.');
      const name = row.credentials_file_name ?? 'credentials.pdf';
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(row.credentials_file));
    },
  );
}
