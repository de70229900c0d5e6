import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LANGS, type Lang } from '../../../shared/lang.js';
import type { DocumentKind } from '../../../shared/schemas/documents.js';
import { localize, type MultiText } from '../../../shared/text.js';
import type { AuditContext } from '../../audit/audit.js';
import { parseJson, parseOptionalText, parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import type { FileStore } from '../../files/store.js';
import { renderAgendaPdf } from '../agenda/agenda-pdf.js';
import { readAgenda } from '../agenda/read-agenda.js';
import { findMeetingBySlug, listConceptSections } from '../meeting/repository.js';
import { renderConceptNotePdf } from './concept-note-pdf.js';
import { catalogueTitle, registerGenerated } from './generated.js';

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
 * The demo meeting's register: the concept note (French original, rendered from the meeting's
 * sections) and the draft agenda as published in version 1 (rendered once and stored, so what
 * was circulated stays as it was). Idempotent: a kind already registered is left alone.
 */
export async function seedDocuments(
  db: Kysely<DB>,
  files: FileStore,
  slug: string,
  audit: AuditContext,
): Promise<void> {
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
      files,
      audit,
      meeting,
      {
        kind: 'concept_note',
        title: catalogueTitle('meeting.conceptNote', original),
        date: null,
        distribution: 'public',
      },
      pdfs,
      `${slug}-concept-note`,
      { source: 'concept-note', family: 'concept-note', note: '' },
      { date: null },
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
      files,
      audit,
      meeting,
      { kind: 'agenda', title: parseText(version.title, 'agenda_version.title'), date: null, distribution: 'public' },
      pdfs,
      `${slug}-agenda-v1`,
      { source: 'agenda:v1', family: 'agenda:', note: '' },
      { date: null },
    );
  }
}
