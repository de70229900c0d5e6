import PDFDocument from 'pdfkit';
import { collectPdf, FONT_REGULAR, numberPages, registerFonts } from '../../pdf.js';
import type { Lang } from '../../../shared/lang.js';
import { localize, type MultiText } from '../../../shared/text.js';
import type { LocalizedText } from '../../../shared/schemas/text.js';
import { intlFor } from '../../i18n.js';

const MARGIN = 56;
const GREY = '#555555';
const ACCENT = '#9b1c1c';

export interface ConceptNoteSource {
  meetingTitle: MultiText;
  sections: { heading: MultiText; body: MultiText; notes: MultiText[] }[];
}

/**
 * The concept note in one language as a printable A4 PDF, from the meeting's sections: each text
 * in `lang` where there is a version, else in the original, marked; translations are marked
 * unofficial. Nothing is added that the note does not say.
 */
export async function renderConceptNotePdf(source: ConceptNoteSource, lang: Lang): Promise<Buffer> {
  const intl = intlFor(lang);
  const msg = (id: string, values?: Record<string, string | number>): string => intl.formatMessage({ id }, values);
  const languageName = new Intl.DisplayNames([lang], { type: 'language' });
  const title = localize(source.meetingTitle, lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang,
    displayTitle: true,
    font: FONT_REGULAR,
    info: { Title: `${title.text} — ${msg('meeting.conceptNote')}`, Creator: 'Continental' },
  });
  registerFonts(doc);
  const done = collectPdf(doc);
  const width = doc.page.width - 2 * MARGIN;
  const para = (text: string, font: 'regular' | 'bold', size: number, color = 'black', indent = 0) =>
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, MARGIN + indent, doc.y, { width: width - indent });
  const mark = (t: LocalizedText): string | null => {
    if (t.fallback) return msg('agenda.fallbackLanguage', { language: languageName.of(t.lang) ?? t.lang });
    return t.official ? null : msg('agenda.unofficialTranslation');
  };

  para(title.text, 'bold', 16);
  doc.moveDown(0.2);
  para(msg('meeting.conceptNote'), 'bold', 13, ACCENT);
  const titleNote = mark(title);
  if (titleNote) para(titleNote, 'regular', 9, GREY);
  for (const section of source.sections) {
    const heading = localize(section.heading, lang);
    const body = localize(section.body, lang);
    doc.moveDown(1);
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    para(heading.text, 'bold', 12);
    const note = mark(body);
    if (note) para(note, 'regular', 9, GREY);
    doc.moveDown(0.3);
    for (const line of body.text.split('\n')) {
      if (line.trim() === '') continue;
      if (line.startsWith('- ')) para(`• ${line.slice(2)}`, 'regular', 10, 'black', 12);
      else para(line, 'regular', 10);
      doc.moveDown(0.3);
    }
    section.notes.forEach((n, i) => para(`${i + 1}. ${localize(n, lang).text}`, 'regular', 8, GREY));
  }
  numberPages(doc, (page, pages) => msg('doc.page', { page, pages }), {
    left: MARGIN,
    width,
    margin: MARGIN,
    color: GREY,
  });
  doc.end();
  return done;
}
