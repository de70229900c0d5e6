import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { DocumentKind, FileFormat } from '../../../shared/schemas/documents.js';
import type { MultiText } from '../../../shared/text.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB, DocumentFileTable, DocumentRevisionTable, DocumentTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { FileStore } from '../../files/store.js';
import { indexTexts, type SearchText } from '../../search/index.js';
import { CONTENT_TYPES } from './content.js';

export type DocumentRow = Selectable<DocumentTable>;
export type RevisionRow = Selectable<DocumentRevisionTable>;
/** A file's metadata: lists and views never read the content. */
export type FileMeta = Omit<Selectable<DocumentFileTable>, 'content' | 'storage_key' | 'text'>;
type Db = Kysely<DB> | Transaction<DB>;

const FILE_META = [
  'id',
  'revision_id',
  'lang',
  'role',
  'official',
  'format',
  'content_type',
  'file_name',
  'size',
  'sha256',
  'created_by',
  'created_at',
] as const;

export function actorId(ctx: AuditContext): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

export async function findDocument(db: Db, id: string): Promise<DocumentRow | undefined> {
  // Ids are UUIDs; anything else cannot name a document (and PostgreSQL would not mind, but be uniform).
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return db.selectFrom('document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function documentOr404(db: Db, id: string): Promise<DocumentRow> {
  const doc = await findDocument(db, id);
  if (!doc) throw new AppError('not_found', 'No such document.');
  return doc;
}

export async function revisionsOf(db: Db, documentIds: string[]): Promise<RevisionRow[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_revision')
    .selectAll()
    .where('document_id', 'in', documentIds)
    .orderBy('document_id')
    .orderBy('number')
    .execute();
}

export async function filesOf(db: Db, revisionIds: string[]): Promise<FileMeta[]> {
  if (revisionIds.length === 0) return [];
  return db
    .selectFrom('document_file')
    .select([...FILE_META])
    .where('revision_id', 'in', revisionIds)
    .orderBy('lang')
    .execute();
}

export async function fileContent(db: Db, store: FileStore, fileId: string): Promise<Buffer> {
  const row = await db
    .selectFrom('document_file')
    .select(['content', 'storage_key'])
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  if (row.storage_key) return store.get(row.storage_key);
  // Files registered before the file store kept their bytes in the row.
  if (row.content) return Buffer.from(row.content);
  throw new Error(`document_file ${fileId} has neither a storage key nor content`);
}

/**
 * What search finds a document by, per language: its title and the text of that language's
 * file in the latest revision that has one. Called in every transaction that changes either.
 */
export async function indexDocument(db: Db, documentId: string): Promise<void> {
  const doc = await db.selectFrom('document').select('title').where('id', '=', documentId).executeTakeFirstOrThrow();
  const title = JSON.parse(doc.title) as MultiText;
  const files = await db
    .selectFrom('document_file')
    .innerJoin('document_revision', 'document_revision.id', 'document_file.revision_id')
    .select(['document_file.lang', 'document_file.text', 'document_revision.number'])
    .where('document_revision.document_id', '=', documentId)
    .orderBy('document_revision.number', 'desc')
    .execute();
  const texts: Partial<Record<Lang, SearchText>> = {};
  for (const lang of LANGS) {
    const body = files.find((f) => f.lang === lang)?.text ?? '';
    texts[lang] = { title: title.values[lang]?.text ?? '', body };
  }
  await indexTexts(db, 'document', documentId, texts);
}

function isUniqueViolation(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : '';
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

async function symbolTaken(db: Db, meetingId: string, symbol: string, except?: string): Promise<boolean> {
  let q = db.selectFrom('document').select('id').where('meeting_id', '=', meetingId).where('symbol', '=', symbol);
  if (except) q = q.where('id', '<>', except);
  return (await q.executeTakeFirst()) !== undefined;
}

const symbolConflict = (symbol: string) =>
  new AppError('conflict', `The symbol "${symbol}" is already used by another document of this meeting.`, {
    reason: 'symbol_taken',
  });

/** The next `<series>/doc.N` of a meeting: one more than the highest N in use. */
export async function nextSymbol(db: Db, meetingId: string, series: string): Promise<string> {
  const prefix = `${series}/doc.`;
  const rows = await db
    .selectFrom('document')
    .select('symbol')
    .where('meeting_id', '=', meetingId)
    .where('symbol', 'is not', null)
    .execute();
  let max = 0;
  for (const { symbol } of rows) {
    if (symbol?.startsWith(prefix)) {
      const n = /^(\d+)$/.exec(symbol.slice(prefix.length));
      if (n) max = Math.max(max, Number(n[1]));
    }
  }
  return `${prefix}${max + 1}`;
}

/** A meeting's default series: its slug in capitals, e.g. OAS-IOM-TIP-2005/doc.1. */
export const defaultSeries = (slug: string): string => slug.toUpperCase();

export interface NewDocument {
  meetingId: string;
  kind: DocumentKind;
  title: MultiText;
  date: string | null;
  distribution: string;
  agendaItemKey: string | null;
  memberState: string | null;
  organizationId: string | null;
  symbol: string | null;
  ownerRole: string;
  /** For generated documents: what revision 0 was made from. */
  source?: string;
}

/** A new draft with its revision 0 (no files yet). */
export async function createDocument(trx: Transaction<DB>, ctx: AuditContext, input: NewDocument): Promise<string> {
  if (input.symbol && (await symbolTaken(trx, input.meetingId, input.symbol))) throw symbolConflict(input.symbol);
  const id = newId();
  const now = nowIso();
  const row = {
    id,
    meeting_id: input.meetingId,
    symbol: input.symbol,
    kind: input.kind,
    title: json(input.title),
    original_lang: input.title.original,
    date: input.date,
    status: 'draft',
    distribution: input.distribution,
    agenda_item_key: input.agendaItemKey,
    member_state: input.memberState,
    organization_id: input.organizationId,
    owner_id: actorId(ctx),
    owner_role: input.ownerRole,
    superseded_by: null,
    issued_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await trx.insertInto('document').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err) && input.symbol) throw symbolConflict(input.symbol);
    throw err;
  }
  await trx
    .insertInto('document_revision')
    .values({
      id: newId(),
      document_id: id,
      number: 0,
      kind: 'original',
      seq: 0,
      date: input.date,
      note: null,
      created_by: actorId(ctx),
      created_at: now,
      source: input.source ?? null,
    })
    .execute();
  await indexDocument(trx, id);
  await writeAudit(trx, ctx, {
    action: 'document.create',
    objectType: 'document',
    objectId: id,
    changes: {
      kind: { before: null, after: input.kind },
      symbol: { before: null, after: input.symbol },
      title: { before: null, after: input.title.values[input.title.original]?.text ?? null },
      distribution: { before: null, after: input.distribution },
      memberState: { before: null, after: input.memberState },
      organizationId: { before: null, after: input.organizationId },
      agendaItemKey: { before: null, after: input.agendaItemKey },
    },
  });
  return id;
}

export interface NewFile {
  lang: Lang;
  format: FileFormat;
  fileName: string;
  content: Buffer;
  official?: boolean;
  /** Text extracted from the file (PDF), for search. */
  text?: string;
}

/**
 * Stores one language version of a revision. A draft's file may be replaced; once a document is
 * issued, what was distributed stays as it was: missing languages may be added, existing files
 * are changed only by a revision or corrigendum.
 */
export async function putFile(
  trx: Transaction<DB>,
  ctx: AuditContext,
  doc: DocumentRow,
  revision: RevisionRow,
  file: NewFile,
  store: FileStore,
): Promise<void> {
  const role = file.lang === doc.original_lang ? 'original' : 'translation';
  const official = file.official ?? role === 'original';
  const existing = await trx
    .selectFrom('document_file')
    .select(['id', 'sha256', 'file_name'])
    .where('revision_id', '=', revision.id)
    .where('lang', '=', file.lang)
    .executeTakeFirst();
  if (existing && doc.status !== 'draft') {
    throw new AppError(
      'conflict',
      `This revision already has its ${file.lang} version, as issued; add a revision or corrigendum to change it.`,
      { reason: 'file_issued' },
    );
  }
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const values = {
    role,
    official: official ? 1 : 0,
    format: file.format,
    content_type: CONTENT_TYPES[file.format],
    file_name: file.fileName,
    size: file.content.length,
    sha256,
    // Written before the row: a failed transaction leaves at worst an unreferenced object, never
    // a row pointing at nothing. The key is the SHA-256, so the same bytes are stored once.
    storage_key: await store.put(file.content),
    content: null,
    text: file.text ?? null,
    created_by: actorId(ctx),
    created_at: nowIso(),
  };
  if (existing) {
    await trx.updateTable('document_file').set(values).where('id', '=', existing.id).execute();
  } else {
    await trx
      .insertInto('document_file')
      .values({ id: newId(), revision_id: revision.id, lang: file.lang, ...values })
      .execute();
  }
  await trx.updateTable('document').set({ updated_at: nowIso() }).where('id', '=', doc.id).execute();
  await indexDocument(trx, doc.id);
  await writeAudit(trx, ctx, {
    action: 'document.file_upload',
    objectType: 'document',
    objectId: doc.id,
    changes: {
      [`revision${revision.number}.${file.lang}`]: {
        before: existing ? `${existing.file_name} sha256:${existing.sha256}` : null,
        after: `${file.fileName} sha256:${sha256} (${file.content.length} bytes, ${file.format}, ${role})`,
      },
    },
  });
}

export async function revisionOr404(db: Db, documentId: string, number: number | undefined): Promise<RevisionRow> {
  let q = db.selectFrom('document_revision').selectAll().where('document_id', '=', documentId);
  q = number === undefined ? q.orderBy('number', 'desc').limit(1) : q.where('number', '=', number);
  const row = await q.executeTakeFirst();
  if (!row) throw new AppError('not_found', `This document has no revision ${number ?? ''}.`.replace(' .', '.'));
  return row;
}

/** Issues a draft: gives it a symbol (given, or the next of a series) and a date. */
export async function issueDocument(
  trx: Transaction<DB>,
  ctx: AuditContext,
  doc: DocumentRow,
  meetingSlug: string,
  opts: { symbol?: string; series?: string; date?: string | null },
): Promise<void> {
  if (doc.status !== 'draft') {
    throw new AppError('conflict', `This document is already ${doc.status}.`, { reason: 'not_draft' });
  }
  const revision = await revisionOr404(trx, doc.id, 0);
  const original = await trx
    .selectFrom('document_file')
    .select('id')
    .where('revision_id', '=', revision.id)
    .where('lang', '=', doc.original_lang)
    .executeTakeFirst();
  if (!original) {
    throw new AppError('conflict', `Upload the original (${doc.original_lang}) version before issuing.`, {
      reason: 'original_missing',
    });
  }
  let symbol = opts.symbol ?? (opts.series ? null : doc.symbol);
  if (!symbol) symbol = await nextSymbol(trx, doc.meeting_id, opts.series ?? defaultSeries(meetingSlug));
  if (await symbolTaken(trx, doc.meeting_id, symbol, doc.id)) throw symbolConflict(symbol);
  // null: the source gives no date (the 2005 concept note has none), so none is invented.
  const date = opts.date === null ? null : (opts.date ?? doc.date ?? nowIso().slice(0, 10));
  const now = nowIso();
  try {
    await trx
      .updateTable('document')
      .set({ status: 'issued', symbol, date, issued_at: now, updated_at: now })
      .where('id', '=', doc.id)
      .execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw symbolConflict(symbol);
    throw err;
  }
  await trx.updateTable('document_revision').set({ date }).where('id', '=', revision.id).execute();
  await writeAudit(trx, ctx, {
    action: 'document.issue',
    objectType: 'document',
    objectId: doc.id,
    changes: {
      status: { before: doc.status, after: 'issued' },
      symbol: { before: doc.symbol, after: symbol },
      date: { before: doc.date, after: date },
    },
  });
}

/** Adds rev. N or corr. N (numbered per kind), with its date and what changed; files follow. */
export async function addRevision(
  trx: Transaction<DB>,
  ctx: AuditContext,
  doc: DocumentRow,
  input: { kind: 'rev' | 'corr'; date?: string; note: string; source?: string },
): Promise<number> {
  if (doc.status !== 'issued') {
    throw new AppError('conflict', `Only an issued document can be revised; this one is ${doc.status}.`, {
      reason: 'not_issued',
    });
  }
  const revisions = await revisionsOf(trx, [doc.id]);
  const number = Math.max(...revisions.map((r) => r.number)) + 1;
  const seq = revisions.filter((r) => r.kind === input.kind).length + 1;
  const date = input.date ?? nowIso().slice(0, 10);
  await trx
    .insertInto('document_revision')
    .values({
      id: newId(),
      document_id: doc.id,
      number,
      kind: input.kind,
      seq,
      date,
      note: input.note.normalize('NFC'),
      created_by: actorId(ctx),
      created_at: nowIso(),
      source: input.source ?? null,
    })
    .execute();
  await trx.updateTable('document').set({ updated_at: nowIso() }).where('id', '=', doc.id).execute();
  await writeAudit(trx, ctx, {
    action: 'document.revise',
    objectType: 'document',
    objectId: doc.id,
    changes: { revision: { before: number - 1, after: `${number}: ${input.kind}. ${seq} (${date})` } },
  });
  return number;
}

export async function supersedeDocument(
  trx: Transaction<DB>,
  ctx: AuditContext,
  doc: DocumentRow,
  by: string | null,
): Promise<void> {
  if (doc.status !== 'issued') {
    throw new AppError('conflict', `Only an issued document can be superseded; this one is ${doc.status}.`, {
      reason: 'not_issued',
    });
  }
  if (by) {
    const other = await findDocument(trx, by);
    if (!other || other.meeting_id !== doc.meeting_id || other.id === doc.id) {
      throw new AppError('unprocessable', 'The replacing document must be another document of the same meeting.', {
        errors: [{ path: 'body/by', message: 'is not another document of this meeting', reason: 'unknown_document' }],
      });
    }
  }
  await trx
    .updateTable('document')
    .set({ status: 'superseded', superseded_by: by, updated_at: nowIso() })
    .where('id', '=', doc.id)
    .execute();
  await writeAudit(trx, ctx, {
    action: 'document.supersede',
    objectType: 'document',
    objectId: doc.id,
    changes: { status: { before: doc.status, after: 'superseded' }, supersededBy: { before: null, after: by } },
  });
}
