import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { DocumentKind } from '../../../shared/schemas/documents.js';
import { localize, type MultiText } from '../../../shared/text.js';
import type { AuditContext } from '../../audit/audit.js';
import { parseJson, parseOptionalText, parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { intlFor } from '../../i18n.js';
import { renderAgendaPdf } from '../agenda/agenda-pdf.js';
import { readAgenda } from '../agenda/read-agenda.js';
import { findMeetingBySlug, listConceptSections } from '../meeting/repository.js';
import { renderConceptNotePdf } from './concept-note-pdf.js';
import { createDocument, defaultSeries, documentOr404, nextSymbol, putFile, revisionOr404 } from './repository.js';
import { writeAudit } from '../../audit/audit.js';
import { nowIso } from '../../db/ids.js';

/*
 * Rendering costs about a second per document; the same input renders to an equivalent file, so
 * a process that seeds several databases (the tests) renders each input once.
 */
const rendered = new Map<string, Promise<Buffer>>();
function once(input: unknown, render: () => Promise<Buffer>): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify(input)).digest('hex');
  let hit = rendered.get(key);
  if (!hit) {
    if (rendered.size > 64) rendered.clear();
    hit = render();
    rendered.set(key, hit);
  }
  return hit;
}

/** A title from the interface catalogues: the original language official, the others unofficial. */
function catalogueTitle(id: string, original: Lang): MultiText {
  const values: MultiText['values'] = {};
  for (const lang of LANGS) values[lang] = { text: intlFor(lang).formatMessage({ id }), official: lang === original };
  return { original, values };
}

async function registered(db: Kysely<DB>, meetingId: string, kind: DocumentKind): Promise<boolean> {
  const row = await db
    .selectFrom('document')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Enters a generated document in the register as issued and public, with a PDF per language
 * (the original language marked original, the others unofficial translations), its symbol the
 * meeting's next `<SLUG>/doc.N`, and no date unless the source gives one.
 */
async function registerGenerated(
  db: Kysely<DB>,
  audit: AuditContext,
  meeting: { id: string; slug: string },
  doc: { kind: DocumentKind; title: MultiText; date: string | null; agendaItemKey?: string },
  pdfs: Map<Lang, Buffer>,
  fileStem: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const id = await createDocument(trx, audit, {
      meetingId: meeting.id,
      kind: doc.kind,
      title: doc.title,
      date: doc.date,
      distribution: 'public',
      agendaItemKey: doc.agendaItemKey ?? null,
      memberState: null,
      organizationId: null,
      symbol: null,
      ownerRole: 'secretariat',
    });
    const row = await documentOr404(trx, id);
    const revision = await revisionOr404(trx, id, 0);
    for (const [lang, content] of pdfs) {
      await putFile(trx, audit, row, revision, { lang, format: 'pdf', fileName: `${fileStem}-${lang}.pdf`, content });
    }
    const symbol = await nextSymbol(trx, meeting.id, defaultSeries(meeting.slug));
    await trx
      .updateTable('document')
      .set({ status: 'issued', symbol, issued_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, audit, {
      action: 'document.issue',
      objectType: 'document',
      objectId: id,
      changes: { status: { before: 'draft', after: 'issued' }, symbol: { before: null, after: symbol } },
    });
  });
}

/**
 * The demo meeting's register: the concept note (French original, rendered from the meeting's
 * sections) and the draft agenda as published in version 1 (rendered once and stored, so what
 * was circulated stays as it was). Idempotent: a kind already registered is left alone.
 */
export async function seedDocuments(db: Kysely<DB>, slug: string, audit: AuditContext): Promise<void> {
  const meeting = await findMeetingBySlug(db, slug);
  if (!meeting) return;
  const meetingTitle = parseText(meeting.title, 'meeting.title');

  if (!(await registered(db, meeting.id, 'concept_note'))) {
    const sections = (await listConceptSections(db, meeting.id)).map((s) => ({
      heading: parseText(s.heading, 'concept_section.heading'),
      body: parseText(s.body, 'concept_section.body'),
      notes: parseJson<MultiText[]>(s.notes, 'concept_section.notes'),
    }));
    const original = sections[0]?.body.original ?? meetingTitle.original;
    const pdfs = new Map<Lang, Buffer>();
    for (const lang of LANGS) {
      const source = { meetingTitle, sections };
      pdfs.set(lang, await once(['concept', source, lang], () => renderConceptNotePdf(source, lang)));
    }
    // The note gives no date of its own: none is recorded.
    await registerGenerated(
      db,
      audit,
      meeting,
      { kind: 'concept_note', title: catalogueTitle('meeting.conceptNote', original), date: null },
      pdfs,
      `${slug}-concept-note`,
    );
  }

  if (!(await registered(db, meeting.id, 'agenda'))) {
    const version = await db
      .selectFrom('agenda_version')
      .select(['title'])
      .where('meeting_id', '=', meeting.id)
      .where('number', '=', 1)
      .executeTakeFirst();
    if (!version) return;
    const venue = parseOptionalText(meeting.venue, 'meeting.venue');
    const pdfs = new Map<Lang, Buffer>();
    for (const lang of LANGS) {
      const { agenda } = await readAgenda(db, slug, lang, 1);
      const opts = { venue: venue ? localize(venue, lang).text : null };
      // Keyed by the day it was published: what the PDF shows (its metadata may keep an earlier instant).
      const { meeting: m, title, version: v, days } = agenda;
      const key = [m.title, title, v.number, v.label, v.publishedAt.slice(0, 10), days, lang];
      pdfs.set(lang, await once(['agenda', key, opts], () => renderAgendaPdf(agenda, opts)));
    }
    await registerGenerated(
      db,
      audit,
      meeting,
      { kind: 'agenda', title: parseText(version.title, 'agenda_version.title'), date: null },
      pdfs,
      `${slug}-agenda-v1`,
    );
  }
}
