import type { Kysely } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { Distribution, DocumentKind } from '../../../shared/schemas/documents.js';
import { localize, type MultiText } from '../../../shared/text.js';
import type { AuditContext } from '../../audit/audit.js';
import { parseOptionalText, parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { pdfText } from '../../files/pdf-text.js';
import type { FileStore } from '../../files/store.js';
import { AppError } from '../../http/errors.js';
import { intlFor } from '../../i18n.js';
import { renderAgendaPdf } from '../agenda/agenda-pdf.js';
import { readAgenda } from '../agenda/read-agenda.js';
import { buildParticipantList } from '../participant-list/build-list.js';
import { renderParticipantListPdf } from '../participant-list/list-pdf.js';
import { publicMaterials } from './materials.js';
import { addRevision, createDocument, documentOr404, issueDocument, putFile, revisionOr404 } from './repository.js';

export interface GeneratedDocument {
  kind: DocumentKind;
  title: MultiText;
  date: string | null;
  distribution: Distribution;
  agendaItemKey?: string;
}

export interface IssueOptions {
  symbol?: string;
  series?: string;
  date?: string | null;
}

interface Meeting {
  id: string;
  slug: string;
}

export interface GeneratedSource {
  /** What it is made from: 'agenda:v2', 'participants:<instant>', 'concept-note'. */
  source: string;
  /** Sources of the same document share a prefix: a new agenda version revises the agenda. */
  family: string;
  /** What changed, when this becomes a revision of the family's document. */
  note: string;
}

/**
 * Enters a generated document in the register, issued: a PDF per language (the original language
 * marked original, the others unofficial translations), stored as rendered now, so what was
 * distributed can be found again byte for byte even after its source changes. The first of a
 * family is a new document; later ones are its `rev. N`, so the register keeps one agenda and one
 * list of participants with their history. The same source is never registered twice.
 */
export async function registerGenerated(
  db: Kysely<DB>,
  files: FileStore,
  audit: AuditContext,
  meeting: Meeting,
  doc: GeneratedDocument,
  pdfs: Map<Lang, Buffer>,
  fileStem: string,
  origin: GeneratedSource,
  issue: IssueOptions = {},
): Promise<{ id: string; revision: number }> {
  const texts = new Map<Lang, string>();
  for (const [lang, content] of pdfs) texts.set(lang, await pdfText(content));
  return db.transaction().execute(async (trx) => {
    const earlier = await trx
      .selectFrom('document_revision')
      .innerJoin('document', 'document.id', 'document_revision.document_id')
      .select(['document.id', 'document.symbol', 'document.status', 'document_revision.source'])
      .where('document.meeting_id', '=', meeting.id)
      .where('document_revision.source', 'like', `${origin.family}%`)
      .orderBy('document.created_at', 'desc')
      .execute();
    const same = earlier.find((r) => r.source === origin.source);
    if (same) {
      throw new AppError('conflict', `This is already in the register as ${same.symbol ?? 'a draft'}.`, {
        reason: 'already_registered',
        document: same.id,
      });
    }
    const family = earlier.find((r) => r.status === 'issued');
    let id: string;
    let revision = 0;
    if (family) {
      id = family.id;
      const row = await documentOr404(trx, id);
      const date = issue.date ?? doc.date ?? undefined;
      revision = await addRevision(trx, audit, row, { kind: 'rev', note: origin.note, source: origin.source, date });
    } else {
      id = await createDocument(trx, audit, {
        meetingId: meeting.id,
        kind: doc.kind,
        title: doc.title,
        date: doc.date,
        distribution: doc.distribution,
        agendaItemKey: doc.agendaItemKey ?? null,
        memberState: null,
        organizationId: null,
        symbol: null,
        ownerRole: 'secretariat',
        source: origin.source,
      });
    }
    const row = await documentOr404(trx, id);
    const target = await revisionOr404(trx, id, revision);
    for (const [lang, content] of pdfs) {
      const file = {
        lang,
        format: 'pdf' as const,
        fileName: `${fileStem}-${lang}.pdf`,
        content,
        text: texts.get(lang),
      };
      await putFile(trx, audit, row, target, file, files);
    }
    if (!family) await issueDocument(trx, audit, row, meeting.slug, { date: doc.date, ...issue });
    return { id, revision };
  });
}

/** A title from the interface catalogues: the original language official, the others unofficial. */
export function catalogueTitle(id: string, original: Lang, values: Record<string, string> = {}): MultiText {
  const out: MultiText['values'] = {};
  for (const lang of LANGS) {
    out[lang] = { text: intlFor(lang).formatMessage({ id }, values), official: lang === original };
  }
  return { original, values: out };
}

/** The agenda PDF of one published version, in the four languages, as the public reads it. */
export async function agendaVersionPdfs(db: Kysely<DB>, slug: string, number: number) {
  const meeting = await db.selectFrom('meeting').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const version = await db
    .selectFrom('agenda_version')
    .select(['title', 'number'])
    .where('meeting_id', '=', meeting.id)
    .where('number', '=', number)
    .executeTakeFirst();
  if (!version) throw new AppError('not_found', `The agenda has no published version ${number}.`);
  const venue = parseOptionalText(meeting.venue, 'meeting.venue');
  const pdfs = new Map<Lang, Buffer>();
  for (const lang of LANGS) {
    const { agenda } = await readAgenda(db, slug, lang, number);
    const materials = await publicMaterials(db, meeting.id, lang);
    pdfs.set(lang, await renderAgendaPdf(agenda, { venue: venue ? localize(venue, lang).text : null, materials }));
  }
  return { title: parseText(version.title, 'agenda_version.title'), pdfs };
}

/**
 * The public list of participants (accredited people who consented to be listed, no contact
 * details) in the four languages, the meeting's original language as the original.
 */
export async function participantListPdfs(db: Kysely<DB>, slug: string) {
  const meeting = await db.selectFrom('meeting').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
  const generatedAt = new Date();
  const pdfs = new Map<Lang, Buffer>();
  for (const lang of LANGS) {
    const list = await buildParticipantList(
      db,
      meeting,
      lang,
      { withContacts: false, publicOnly: true, scope: null },
      generatedAt,
    );
    pdfs.set(lang, await renderParticipantListPdf(list));
  }
  const original = parseText(meeting.title, 'meeting.title').original;
  return { title: catalogueTitle('documents.generated.participantList', original), pdfs };
}
