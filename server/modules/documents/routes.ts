import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { isLang, type Lang } from '../../../shared/lang.js';
import {
  DOCUMENT_MAX_BYTES,
  DocumentInputSchema,
  DocumentListQuerySchema,
  DocumentListSchema,
  DocumentSchema,
  IssueInputSchema,
  RevisionInputSchema,
  SupersedeInputSchema,
} from '../../../shared/schemas/documents.js';
import { authorize } from '../../auth/policy.js';
import { AppError } from '../../http/errors.js';
import { requestLang } from '../../http/lang.js';
import { ProblemResponses, type App } from '../../http/types.js';
import { isRealDate, Issues, normalizeText } from '../editing/validation.js';
import { findMeetingBySlug } from '../meeting/repository.js';
import { SlugParams } from '../meeting/routes.js';
import { pdfText } from '../../files/pdf-text.js';
import { acceptRawUploads, UploadBody } from '../../files/upload-body.js';
import { search } from '../../search/index.js';
import { safeFileName } from '../participation/upload.js';
import { generatedDocumentRoutes } from './routes-generated.js';
import { viewDocument } from './view.js';
import { contentDisposition, CONTENT_TYPES, detectFormat } from './content.js';
import { canCreate, canIssue, canRead, canUpload, mayFile } from './policy.js';
import { currentRevision, fold, matchesQuery, pickFile, presentSummary } from './presenter.js';
import {
  addRevision,
  createDocument,
  documentOr404,
  fileContent,
  filesOf,
  issueDocument,
  putFile,
  revisionOr404,
  revisionsOf,
  supersedeDocument,
  type DocumentRow,
} from './repository.js';

const tags = ['documents'];
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FileParams = Type.Object({ id: Type.String({ maxLength: 64 }), lang: Type.String({ maxLength: 8 }) });
const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ description: 'en, es, fr or pt' })) });
const Revision = Type.Integer({ minimum: 0, maximum: 10000, description: 'Revision number; latest by default' });
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** Upload bodies: the file itself. Its declared type proves nothing; detectFormat checks the bytes. */
const UPLOAD_TYPES = [...Object.values(CONTENT_TYPES), 'application/octet-stream'];

function langParam(value: string): Lang {
  if (isLang(value)) return value;
  throw new AppError('unsupported_language', `Language "${value}" is not supported; use one of en, es, fr, pt.`, {
    supported: ['en', 'es', 'fr', 'pt'],
  });
}

/** The meeting's register: listing, reading, files, filing, issuing, revising, superseding. */
export function documentRoutes(app: App): void {
  // Encapsulated, so the upload parsers and their 25 MB limit apply to this module alone.
  void app.register(async (scope: App) => {
    // Replaced in this scope only (the credentials letter keeps its own PDF parser).
    acceptRawUploads(scope, UPLOAD_TYPES, DOCUMENT_MAX_BYTES);
    routes(scope);
    generatedDocumentRoutes(scope);
  });
}

function routes(app: App): void {
  const meetingOr404 = async (slug: string) => {
    const meeting = await findMeetingBySlug(app.db, slug);
    if (!meeting) throw new AppError('not_found', `No meeting "${slug}".`);
    return meeting;
  };
  const slugOf = async (meetingId: string) =>
    (await app.db.selectFrom('meeting').select('slug').where('id', '=', meetingId).executeTakeFirstOrThrow()).slug;

  /** The document if the caller may read it; refusals are audited and answered 401/403. */
  const readable = async (request: FastifyRequest, id: string, action: string) => {
    const doc = await documentOr404(app.db, id);
    const role = await authorize(request, canRead(request.actor, doc), action, { type: 'document', id: doc.id });
    return { doc, role };
  };

  const view = (request: FastifyRequest, doc: DocumentRow, lang: Lang) =>
    viewDocument(app.db, request.actor, doc, lang);

  const reload = (id: string) => documentOr404(app.db, id);

  app.get(
    '/api/meetings/:slug/documents',
    {
      schema: {
        tags,
        summary: 'The meeting’s documents the caller may see, filtered by kind, language, agenda item, words',
        params: SlugParams,
        querystring: DocumentListQuerySchema,
        response: { 200: DocumentListSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const meeting = await meetingOr404(request.params.slug);
      const { kind, language, agendaItem, status, q, limit = 100, offset = 0 } = request.query;
      let query = app.db.selectFrom('document').selectAll().where('meeting_id', '=', meeting.id);
      if (kind) query = query.where('kind', '=', kind);
      if (status) query = query.where('status', '=', status);
      if (agendaItem) query = query.where('agenda_item_key', '=', agendaItem);
      // Words are looked for in the symbol and titles as typed, and in the full text (titles and
      // the PDFs' words) stemmed in each language; full-text hits come ranked.
      const hits = q?.trim() ? await search(app.db, app.engine, 'document', q) : [];
      const score = new Map(hits.map((h, i) => [h.refId, hits.length - i]));
      const rows = (await query.execute()).filter(
        // The policy decides, for every row: a list never shows what the document route would refuse.
        (doc) => canRead(request.actor, doc).allowed && (!q || score.has(doc.id) || matchesQuery(doc, q)),
      );
      const revisions = await revisionsOf(
        app.db,
        rows.map((d) => d.id),
      );
      const files = await filesOf(
        app.db,
        revisions.map((r) => r.id),
      );
      const documentOf = new Map(revisions.map((r) => [r.id, r.document_id]));
      let items = rows.map((doc) =>
        presentSummary(
          doc,
          revisions.filter((r) => r.document_id === doc.id),
          files.filter((f) => documentOf.get(f.revision_id) === doc.id),
          lang,
        ),
      );
      if (language) items = items.filter((d) => d.languages.includes(language));
      items.sort(
        (a, b) =>
          (score.get(b.id) ?? 0) - (score.get(a.id) ?? 0) ||
          (b.date ?? '').localeCompare(a.date ?? '') ||
          fold(a.symbol ?? '~').localeCompare(fold(b.symbol ?? '~')) ||
          a.id.localeCompare(b.id),
      );
      return { items: items.slice(offset, offset + limit), total: items.length };
    },
  );

  app.post(
    '/api/meetings/:slug/documents',
    {
      schema: {
        tags,
        summary:
          'File a document (a draft); focal points and representatives file reports and presentations of their own',
        params: SlugParams,
        querystring: LangQuery,
        body: DocumentInputSchema,
        response: { 201: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const memberState = body.memberState ?? null;
      const organizationId = body.organizationId ?? null;
      const role = await authorize(
        request,
        canCreate(request.actor, { kind: body.kind, memberState, organizationId }),
        'document.create',
        { type: 'meeting', id: request.params.slug },
      );
      const meeting = await meetingOr404(request.params.slug);
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const issues = new Issues();
      const title = normalizeText(body.title, 'body/title', issues);
      if (body.date && !isRealDate(body.date)) issues.add('body/date', 'is not a calendar date', 'invalid_date');
      if (memberState) {
        const known = await app.db
          .selectFrom('member_state')
          .select('iso3')
          .where('iso3', '=', memberState)
          .executeTakeFirst();
        if (!known) issues.add('body/memberState', 'is not an OAS member state', 'unknown_member_state');
      }
      if (organizationId) {
        const known = await app.db
          .selectFrom('organization')
          .select('id')
          .where('id', '=', organizationId)
          .executeTakeFirst();
        if (!known) issues.add('body/organizationId', 'is not a known organisation', 'unknown_organization');
      }
      if (body.agendaItemKey) {
        const item = await app.db
          .selectFrom('agenda_item')
          .innerJoin('agenda_version', 'agenda_version.id', 'agenda_item.version_id')
          .select('agenda_item.id')
          .where('agenda_version.meeting_id', '=', meeting.id)
          .where('agenda_item.key', '=', body.agendaItemKey)
          .executeTakeFirst();
        if (!item) issues.add('body/agendaItemKey', 'is not an item of this meeting’s agenda', 'unknown_agenda_item');
      }
      const admin = role === 'secretariat' || role === 'cli';
      if (body.symbol && !admin)
        issues.add('body/symbol', 'only the secretariat assigns symbols', 'symbol_secretariat_only');
      issues.throwIfAny();
      const id = await app.db.transaction().execute((trx) =>
        createDocument(trx, request.auditContext(role), {
          meetingId: meeting.id,
          kind: body.kind,
          title,
          date: body.date ?? null,
          distribution: body.distribution ?? 'public',
          agendaItemKey: body.agendaItemKey ?? null,
          memberState,
          organizationId,
          symbol: body.symbol?.normalize('NFC').trim() ?? null,
          ownerRole: admin ? 'secretariat' : role,
        }),
      );
      return reply.code(201).send(await view(request, await reload(id), lang));
    },
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags,
        summary: 'A document: metadata, revisions with their language versions, and which version the reader gets',
        params: IdParams,
        querystring: LangQuery,
        response: { 200: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const { doc } = await readable(request, request.params.id, 'document.read');
      return view(request, doc, lang);
    },
  );

  app.get(
    '/api/documents/:id/files/:lang',
    {
      schema: {
        tags,
        summary: 'A language version’s file (latest revision by default); falls back to the original unless strict',
        description:
          'Answers the file in `lang`, else the original language with `X-Language-Fallback: true` and ' +
          '`Content-Language` naming what was sent; with `strict=true` a missing language is 404.',
        params: FileParams,
        querystring: Type.Object({
          revision: Type.Optional(Revision),
          strict: Type.Optional(Type.Boolean({ default: false })),
        }),
        response: {
          200: { description: 'the file', content: { 'application/octet-stream': { schema: Binary } } },
          ...ProblemResponses,
        },
      },
    },
    async (request, reply) => {
      const lang = langParam(request.params.lang);
      const { doc } = await readable(request, request.params.id, 'document.file_read');
      const revisions = await revisionsOf(app.db, [doc.id]);
      const files = await filesOf(
        app.db,
        revisions.map((r) => r.id),
      );
      const wanted = request.query.revision;
      const revision =
        wanted === undefined ? currentRevision(revisions, files) : revisions.find((r) => r.number === wanted);
      if (!revision) throw new AppError('not_found', `This document has no revision ${wanted ?? ''}.`);
      const inRevision = files.filter((f) => f.revision_id === revision.id);
      const picked = pickFile(inRevision, lang, doc.original_lang);
      if (!picked || (picked.fallback && request.query.strict)) {
        throw new AppError('not_found', `Revision ${revision.number} has no ${lang} version.`, {
          available: inRevision.map((f) => f.lang),
        });
      }
      const { file, fallback } = picked;
      const content = await fileContent(app.db, app.files, file.id);
      return reply
        .type(file.content_type)
        .header('content-disposition', contentDisposition(file.file_name))
        .header('content-language', file.lang)
        .header('x-language-fallback', String(fallback))
        .header('x-document-revision', String(revision.number))
        .header(
          'cache-control',
          doc.distribution === 'public' && doc.status !== 'draft' ? 'public, max-age=300' : 'private, no-store',
        )
        .header('vary', 'Cookie, Authorization')
        .send(content);
    },
  );

  app.put(
    '/api/documents/:id/files/:lang',
    {
      bodyLimit: DOCUMENT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Upload the language version of a revision (the latest by default)',
        description:
          `Body: the file itself (PDF, DOCX, XLSX, PPTX or ODT; any of their Content-Types or ` +
          `application/octet-stream), at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB, checked by content. ` +
          '`?fileName=` keeps the name (accents and spaces survive). The original language is marked ' +
          'original; other languages are translations, unofficial unless `official=true`.',
        params: FileParams,
        querystring: Type.Object({
          revision: Type.Optional(Revision),
          fileName: Type.Optional(Type.String({ maxLength: 200 })),
          official: Type.Optional(Type.Boolean()),
          lang: Type.Optional(Type.String()),
        }),
        response: { 200: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      await authorize(request, mayFile(request.actor), 'document.file_upload', {
        type: 'document',
        id: request.params.id,
      });
      const lang = langParam(request.params.lang);
      const doc = await documentOr404(app.db, request.params.id);
      const role = await authorize(request, canUpload(request.actor, doc), 'document.file_upload', {
        type: 'document',
        id: doc.id,
      });
      if (!(request.body instanceof UploadBody)) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file itself as the request body, with its Content-Type or application/octet-stream.',
          { reason: 'no_file' },
        );
      }
      const body = request.body.bytes;
      const format = detectFormat(body);
      const fileName = safeFileName(request.query.fileName ?? `${doc.symbol ?? 'document'}-${lang}.${format}`, format);
      const viewLang = requestLang(request.query.lang, request.headers['accept-language']);
      // Outside the transaction: reading a large PDF takes a while and needs no lock.
      const text = format === 'pdf' ? await pdfText(body) : '';
      await app.db.transaction().execute(async (trx) => {
        const fresh = await documentOr404(trx, doc.id);
        const revision = await revisionOr404(trx, doc.id, request.query.revision);
        const admin = role === 'secretariat' || role === 'cli';
        await putFile(
          trx,
          request.auditContext(role),
          fresh,
          revision,
          {
            lang,
            format,
            fileName,
            content: body,
            // Only the secretariat declares a translation official.
            official: admin ? request.query.official : undefined,
            text,
          },
          app.files,
        );
      });
      return view(request, await reload(doc.id), viewLang);
    },
  );

  const secretariatWrite = async (request: FastifyRequest, id: string, action: string) => {
    const role = await authorize(request, canIssue(request.actor), action, { type: 'document', id });
    const doc = await documentOr404(app.db, id);
    return { role, doc };
  };

  app.post(
    '/api/documents/:id/issue',
    {
      schema: {
        tags,
        summary: 'Issue a draft (secretariat): a symbol given, or the next `<series>/doc.N` of the meeting',
        params: IdParams,
        querystring: LangQuery,
        body: Type.Optional(IssueInputSchema),
        response: { 200: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { role, doc } = await secretariatWrite(request, request.params.id, 'document.issue');
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      const body = request.body ?? {};
      if (body.date && !isRealDate(body.date)) {
        throw new AppError('validation_failed', 'body/date: is not a calendar date', {
          errors: [{ path: 'body/date', message: 'is not a calendar date', reason: 'invalid_date' }],
        });
      }
      const slug = await slugOf(doc.meeting_id);
      const issue = () =>
        app.db.transaction().execute(async (trx) =>
          issueDocument(trx, request.auditContext(role), await documentOr404(trx, doc.id), slug, {
            symbol: body.symbol?.normalize('NFC').trim(),
            series: body.series?.normalize('NFC').trim(),
            date: body.date,
          }),
        );
      // Two documents issued at once may both compute the same next number; the unique index
      // stops the second, which then takes the following number. A symbol given is never changed.
      for (let attempt = 1; ; attempt++) {
        try {
          await issue();
          break;
        } catch (err) {
          const taken = err instanceof AppError && err.extensions.reason === 'symbol_taken';
          if (!taken || body.symbol || attempt >= 5) throw err;
        }
      }
      return view(request, await reload(doc.id), lang);
    },
  );

  app.post(
    '/api/documents/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Add rev. N or corr. N to an issued document (secretariat), with its date and what changed',
        params: IdParams,
        querystring: LangQuery,
        body: RevisionInputSchema,
        response: { 201: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      const { role, doc } = await secretariatWrite(request, request.params.id, 'document.revise');
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      if (request.body.date && !isRealDate(request.body.date)) {
        throw new AppError('validation_failed', 'body/date: is not a calendar date', {
          errors: [{ path: 'body/date', message: 'is not a calendar date', reason: 'invalid_date' }],
        });
      }
      await app.db
        .transaction()
        .execute(async (trx) =>
          addRevision(trx, request.auditContext(role), await documentOr404(trx, doc.id), request.body),
        );
      return reply.code(201).send(await view(request, await reload(doc.id), lang));
    },
  );

  app.post(
    '/api/documents/:id/supersede',
    {
      schema: {
        tags,
        summary: 'Mark an issued document superseded (secretariat), optionally by another',
        params: IdParams,
        querystring: LangQuery,
        body: Type.Optional(SupersedeInputSchema),
        response: { 200: DocumentSchema, ...ProblemResponses },
      },
    },
    async (request) => {
      const { role, doc } = await secretariatWrite(request, request.params.id, 'document.supersede');
      const lang = requestLang(request.query.lang, request.headers['accept-language']);
      await app.db
        .transaction()
        .execute(async (trx) =>
          supersedeDocument(
            trx,
            request.auditContext(role),
            await documentOr404(trx, doc.id),
            request.body?.by ?? null,
          ),
        );
      return view(request, await reload(doc.id), lang);
    },
  );
}
