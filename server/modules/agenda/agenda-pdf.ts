import PDFDocument from 'pdfkit';
import { collectPdf, FONT_REGULAR, numberPages, registerFonts } from '../../pdf.js';
import type { Agenda, AgendaBlock, AgendaItem, Presenter } from '../../../shared/schemas/agenda.js';
import type { LocalizedText } from '../../../shared/schemas/text.js';
import type { Lang } from '../../../shared/lang.js';
import { intlFor } from '../../i18n.js';

const MARGIN = 56; // 2 cm
const INDENT = 24;
const GREY = '#555555';
const ACCENT = '#9b1c1c';
// Footnote marks for notes about texts, handed out in order of first use.
const MARKS = ['*', '†', '‡', '§', '¶'];

export interface AgendaPdfOptions {
  /** The venue already read in agenda.lang; null prints "to be confirmed". */
  venue: string | null;
  /** Preformatted dates of the meeting; defaults to the range of the agenda's days. */
  dateRange?: string;
  /** Documents attached to items, by item key, already in agenda.lang. */
  materials?: Map<string, { symbol: string | null; title: string }[]>;
}

export async function renderAgendaPdf(agenda: Agenda, opts: AgendaPdfOptions): Promise<Buffer> {
  const intl = intlFor(agenda.lang);
  const msg = (id: string, values?: Record<string, string | number>): string => intl.formatMessage({ id }, values);
  const publishedAt = new Date(agenda.version.publishedAt);
  const notes = collectNotes(agenda, msg);

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page x of y needs the page count, known only at the end
    lang: agenda.lang,
    displayTitle: true,
    font: FONT_REGULAR,
    info: {
      Title: `${agenda.meeting.title.text} — ${agenda.title.text}`,
      Creator: 'Continental',
      // Fixed dates make the same version render to the same bytes (cacheable, diffable).
      CreationDate: publishedAt,
      ModDate: publishedAt,
    },
  });
  registerFonts(doc);
  const done = collectPdf(doc);

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const marked = (t: LocalizedText): string => t.text + notes.marksFor(t);
  const para = (text: string, font: 'regular' | 'bold', size: number, color = 'black', x = left): void => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, x, doc.y, { width: width - (x - left) });
  };
  // Keep a heading with at least a few lines of what follows it.
  const keepRoom = (points: number): void => {
    if (doc.y + points > doc.page.height - MARGIN) doc.addPage();
  };

  para(marked(agenda.meeting.title), 'bold', 16);
  doc.moveDown(0.3);
  para(marked(agenda.title), 'bold', 13);
  if (agenda.version.label) para(marked(agenda.version.label), 'bold', 12, ACCENT);
  doc.moveDown(0.3);
  const published = dateFormat(agenda.lang, { dateStyle: 'long', timeZone: agenda.meeting.timeZone }).format(
    publishedAt,
  );
  para(
    `${msg('agenda.version', { number: agenda.version.number })} · ${msg('agenda.publishedOn', { date: published })}`,
    'regular',
    10,
    GREY,
  );
  const dates = opts.dateRange ?? dayRange(agenda);
  if (dates) para(dates, 'regular', 11);
  para(opts.venue ?? msg('agenda.venueTbc'), 'regular', 11);
  if (notes.legend.length > 0) {
    doc.moveDown(0.5);
    for (const line of notes.legend) para(line, 'regular', 9, GREY);
  }

  const fullDate = dateFormat(agenda.lang, { dateStyle: 'full', timeZone: 'UTC' });
  for (const day of agenda.days) {
    doc.moveDown(1);
    keepRoom(90);
    // Dates are calendar days: read at UTC midnight so no server zone can shift the weekday.
    para(fullDate.format(new Date(`${day.date}T00:00:00Z`)), 'bold', 14, ACCENT);
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor(ACCENT)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.4);
    for (const block of day.blocks) {
      doc.moveDown(0.5);
      keepRoom(60);
      para(blockHeading(block, agenda.lang, msg), 'bold', 11);
      if (block.theme) para(marked(block.theme), 'regular', 10, GREY);
      for (const item of block.items) {
        doc.moveDown(0.4);
        keepRoom(40);
        renderItem(item);
      }
    }
  }

  function renderItem(item: AgendaItem): void {
    const y = doc.y;
    doc
      .font('bold')
      .fontSize(11)
      .fillColor('black')
      .text(`${item.number}.`, left, y, { width: INDENT, lineBreak: false });
    const own = item.startTime ? timeRange(agenda.lang, item.startTime, item.endTime) : null;
    doc.text(marked(item.title) + (own ? `  (${own})` : ''), left + INDENT, y, { width: width - INDENT });
    const x = left + INDENT;
    if (item.description) para(marked(item.description), 'regular', 10, 'black', x);
    if (item.presenters.length > 0) {
      const names = listFormat(agenda.lang).format(item.presenters.map(presenterName));
      para(msg('agenda.presentersList', { names }), 'regular', 10, GREY, x);
    }
    if (item.alternatives.length > 0) {
      para(msg('agenda.alternatives'), 'regular', 10, 'black', x);
      for (const alt of item.alternatives) para(`• ${marked(alt)}`, 'regular', 10, 'black', x + 10);
    }
    const materials = opts.materials?.get(item.key) ?? [];
    if (materials.length > 0) {
      para(msg('agenda.materials'), 'regular', 10, GREY, x);
      for (const m of materials) para(`• ${m.symbol ? `${m.symbol} — ` : ''}${m.title}`, 'regular', 10, GREY, x + 10);
    }
  }

  numberPages(doc, (page, pages) => msg('doc.page', { page, pages }), { left, width, margin: MARGIN, color: GREY });
  doc.end();
  return done;
}

type Msg = (id: string, values?: Record<string, string | number>) => string;

function blockHeading(block: AgendaBlock, lang: Lang, msg: Msg): string {
  const period = msg(`agenda.period.${block.period}`);
  if (!block.startTime) return period;
  const times = timeRange(lang, block.startTime, block.endTime);
  return `${period} · ${times}${block.timesIndicative ? ` (${msg('agenda.timesIndicative')})` : ''}`;
}

/** Every distinct note (unofficial, fallback per language) gets one mark and one legend line. */
function collectNotes(agenda: Agenda, msg: Msg): { legend: string[]; marksFor: (t: LocalizedText) => string } {
  const languageName = new Intl.DisplayNames([agenda.lang], { type: 'language' });
  const notesOf = (t: LocalizedText): string[] => [
    ...(t.official ? [] : [msg('agenda.unofficialTranslation')]),
    ...(t.fallback ? [msg('agenda.fallbackLanguage', { language: languageName.of(t.lang) ?? t.lang })] : []),
  ];
  const marks = new Map<string, string>();
  for (const text of textsOf(agenda)) {
    for (const note of notesOf(text)) {
      if (!marks.has(note)) marks.set(note, MARKS[marks.size] ?? `(${marks.size + 1})`);
    }
  }
  return {
    legend: [...marks].map(([note, mark]) => `${mark} ${note}`),
    marksFor: (t) =>
      notesOf(t)
        .map((note) => marks.get(note) ?? '')
        .join(''),
  };
}

function textsOf(agenda: Agenda): LocalizedText[] {
  const texts = [agenda.meeting.title, agenda.title, ...(agenda.version.label ? [agenda.version.label] : [])];
  for (const day of agenda.days) {
    for (const block of day.blocks) {
      if (block.theme) texts.push(block.theme);
      for (const item of block.items) {
        texts.push(item.title, ...(item.description ? [item.description] : []), ...item.alternatives);
      }
    }
  }
  return texts;
}

function presenterName(p: Presenter): string {
  return p.type === 'organization' ? (p.acronym ?? p.name) : p.name;
}

function dayRange(agenda: Agenda): string | null {
  const first = agenda.days[0];
  const last = agenda.days[agenda.days.length - 1];
  if (!first || !last) return null;
  const format = dateFormat(agenda.lang, { dateStyle: 'long', timeZone: 'UTC' });
  return format.formatRange(new Date(`${first.date}T00:00:00Z`), new Date(`${last.date}T00:00:00Z`));
}

/** "HH:MM" wall times shown the way the reader's language writes hours (9:00 AM, 09:00, 9h00). */
function timeRange(lang: Lang, start: string, end: string | null): string {
  const format = dateFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const at = (hhmm: string): Date => new Date(`1970-01-01T${hhmm}:00Z`);
  return end ? format.formatRange(at(start), at(end)) : format.format(at(start));
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang, options);
}

function listFormat(lang: Lang): Intl.ListFormat {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' });
}
