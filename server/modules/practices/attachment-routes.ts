import { Type } from 'typebox';
import { ATTACHMENT_MAX_BYTES, PracticeSchema } from '../../../shared/schemas/practices.js';
import { writeAudit } from '../../audit/audit.js';
import { authorize } from '../../auth/policy.js';
import { newId, nowIso } from '../../db/ids.js';
import { keyOf } from '../../files/store.js';
import { acceptRawUploads, UploadBody } from '../../files/upload-body.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { contentDisposition } from '../documents/content.js';
import { safeFileName } from '../participation/upload.js';
import { ATTACHMENT_TYPES, detectAttachment } from './attachment-type.js';
import { canEdit, canSeeWork, mayWork } from './policy.js';
import { practiceOr404 } from './repository.js';
import { viewPractice } from './view.js';

const tags = ['practices'];
const Params = Type.Object({ id: Type.String({ maxLength: 64 }), attachment: Type.String({ maxLength: 64 }) });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const MAX_ATTACHMENTS = 20;

/** Files attached to a practice: added and removed by its owners and the secretariat, public once it is published. */
export function attachmentRoutes(app: App): void {
  void app.register(async (scope: App) => {
    acceptRawUploads(scope, [...Object.values(ATTACHMENT_TYPES), 'application/octet-stream'], ATTACHMENT_MAX_BYTES);

    scope.post(
      '/api/practices/:id/attachments',
      {
        bodyLimit: ATTACHMENT_MAX_BYTES,
        schema: {
          tags,
          summary: 'Attach a file (PDF, DOCX, ODT, PNG, JPEG, WebP; checked by content)',
          description: `Body: the file itself, at most ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB. \`?fileName=\` keeps its name.`,
          params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
          querystring: Type.Object({
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
            lang: Type.Optional(Type.String()),
          }),
          response: { 201: PracticeSchema, ...ProblemResponses },
        },
      },
      async (request, reply) => {
        await authorize(request, mayWork(request.actor), 'practice.attach', {
          type: 'practice',
          id: request.params.id,
        });
        const practice = await practiceOr404(app.db, request.params.id);
        const role = await authorize(request, canEdit(request.actor, practice), 'practice.attach', {
          type: 'practice',
          id: practice.id,
        });
        if (!(request.body instanceof UploadBody)) {
          throw new AppError('unsupported_media_type', 'Send the file itself as the request body.', {
            reason: 'no_file',
          });
        }
        const bytes = request.body.bytes;
        const format = detectAttachment(bytes);
        const fileName = safeFileName(
          request.query.fileName ?? `attachment.${format}`,
          format === 'jpeg' ? 'jpg' : format,
        );
        const storageKey = await app.files.put(bytes);
        await app.db.transaction().execute(async (trx) => {
          const count = await trx
            .selectFrom('practice_attachment')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('practice_id', '=', practice.id)
            .executeTakeFirstOrThrow();
          if (Number(count.n) >= MAX_ATTACHMENTS) {
            throw new AppError('conflict', `A practice has at most ${MAX_ATTACHMENTS} attachments.`, {
              reason: 'too_many',
            });
          }
          const id = newId();
          await trx
            .insertInto('practice_attachment')
            .values({
              id,
              practice_id: practice.id,
              file_name: fileName,
              format,
              content_type: ATTACHMENT_TYPES[format],
              size: bytes.length,
              sha256: keyOf(bytes),
              storage_key: storageKey,
              created_by: request.actor.kind === 'user' ? request.actor.userId : null,
              created_at: nowIso(),
            })
            .execute();
          await trx.updateTable('practice').set({ updated_at: nowIso() }).where('id', '=', practice.id).execute();
          await writeAudit(trx, request.auditContext(role), {
            action: 'practice.attach',
            objectType: 'practice',
            objectId: practice.id,
            changes: { attachment: { before: null, after: `${fileName} (${bytes.length} bytes, ${format})` } },
          });
        });
        const lang = requestLang(request.query.lang, request.headers['accept-language']);
        const view = await viewPractice(app.db, request.actor, await practiceOr404(app.db, practice.id), lang);
        if (!view) throw new AppError('not_found', 'No such practice.');
        return reply.code(201).send(view);
      },
    );
  });

  app.get(
    '/api/practices/:id/attachments/:attachment',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: Params,
        response: {
          200: { description: 'the file', content: { 'application/octet-stream': { schema: Binary } } },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const practice = await practiceOr404(app.db, request.params.id);
      const work = canSeeWork(request.actor, practice).allowed;
      if (!work && practice.published_revision === null) throw new AppError('not_found', 'No such attachment.');
      const row = await app.db
        .selectFrom('practice_attachment')
        .selectAll()
        .where('practice_id', '=', practice.id)
        .where('id', '=', request.params.attachment)
        .executeTakeFirst();
      if (!row) throw new AppError('not_found', 'No such attachment.');
      return reply
        .type(row.content_type)
        .header('content-disposition', contentDisposition(row.file_name))
        .header('cache-control', work ? 'private, no-store' : 'public, max-age=300')
        .send(await app.files.get(row.storage_key));
    },
  );

  app.delete(
    '/api/practices/:id/attachments/:attachment',
    {
      schema: {
        tags,
        summary: 'Remove an attachment (owners, secretariat)',
        params: Params,
        response: { 204: Type.Null(), ...ProblemResponses },
      },
    },
    async (request, reply) => {
      await authorize(request, mayWork(request.actor), 'practice.detach', { type: 'practice', id: request.params.id });
      const practice = await practiceOr404(app.db, request.params.id);
      const role = await authorize(request, canEdit(request.actor, practice), 'practice.detach', {
        type: 'practice',
        id: practice.id,
      });
      await app.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('practice_attachment')
          .select(['id', 'file_name'])
          .where('practice_id', '=', practice.id)
          .where('id', '=', request.params.attachment)
          .executeTakeFirst();
        if (!row) throw new AppError('not_found', 'No such attachment.');
        await trx.deleteFrom('practice_attachment').where('id', '=', row.id).execute();
        await writeAudit(trx, request.auditContext(role), {
          action: 'practice.detach',
          objectType: 'practice',
          objectId: practice.id,
          changes: { attachment: { before: row.file_name, after: null } },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
