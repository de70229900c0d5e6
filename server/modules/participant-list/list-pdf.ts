import PDFDocument from 'pdfkit';
import { collectPdf, FONT_REGULAR, onEveryPage, registerFonts } from '../../pdf.js';
import type { Lang } from '../../../shared/lang.js';
import { intlFor } from '../../i18n.js';
import type { ListedParticipant, ParticipantList } from './types.js';

// Resolved through the package so the server works wherever node_modules is installed.

const MARGIN = 56; // 2 cm
const INDENT = 14;
const GREY = '#555555';
const ACCENT = '#9b1c1c';

type Msg = (id: string, values?: Record<string, string | number>) => string;
type Font = 'regular' | 'bold';

/** One paragraph of the list, measured before it is drawn so blocks can be kept together. */
interface Line {
  text: string;
  font: Font;
  size: number;
  color: string;
  indent: number;
  gapBefore: number;
  /** A second run on the same line, e.g. the head-of-delegation mark after the name. */
  suffix?: { text: string; font: Font; color: string };
}

function line(text: string, font: Font, size: number, extra: Partial<Line> = {}): Line {
  return { text, font, size, color: 'black', indent: 0, gapBefore: 0, ...extra };
}

/** The official list of participants: sections in the given order, each person under their delegation. */
export async function renderParticipantListPdf(list: ParticipantList): Promise<Buffer> {
  const intl = intlFor(list.lang);
  const msg: Msg = (id, values) => intl.formatMessage({ id }, values);
  const title = msg('participants.list.title');

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // page x of y needs the page count, known only at the end
    lang: list.lang,
    displayTitle: true,
    font: FONT_REGULAR,
    info: {
      Title: `${list.meetingTitle} — ${title}`,
      Creator: 'Continental',
      // Fixed dates make the same list render to the same bytes.
      CreationDate: list.generatedAt,
      ModDate: list.generatedAt,
    },
  });
  registerFonts(doc);
  const done = collectPdf(doc);

  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = (): number => doc.page.height - MARGIN;

  const heightOf = (lines: Line[]): number =>
    lines.reduce((sum, l) => {
      doc.font(l.font).fontSize(l.size);
      const text = l.suffix ? `${l.text}${l.suffix.text}` : l.text;
      return sum + l.gapBefore + doc.heightOfString(text, { width: width - l.indent });
    }, 0);
  const draw = (lines: Line[]): void => {
    for (const l of lines) {
      doc.y += l.gapBefore;
      doc.font(l.font).fontSize(l.size).fillColor(l.color);
      const options = { width: width - l.indent };
      if (l.suffix) {
        doc.text(l.text, left + l.indent, doc.y, { ...options, continued: true });
        doc.font(l.suffix.font).fillColor(l.suffix.color).text(l.suffix.text);
      } else {
        doc.text(l.text, left + l.indent, doc.y, options);
      }
    }
  };
  /** Starts a new page unless `lines` fit on this one, so a block is never split or orphaned. */
  const place = (lines: Line[]): void => {
    const atTop = doc.y <= doc.page.margins.top + 1;
    if (!atTop && doc.y + heightOf(lines) > bottom()) {
      doc.addPage();
      lines = lines.map((l, i) => (i === 0 ? { ...l, gapBefore: 0 } : l));
    }
    draw(lines);
  };

  draw([
    line(title, 'bold', 16),
    line(list.meetingTitle, 'bold', 13, { gapBefore: 4 }),
    line(list.dateRange, 'regular', 11, { gapBefore: 2 }),
  ]);
  if (list.withContacts) {
    draw([line(msg('participants.list.confidential'), 'regular', 9, { color: ACCENT, gapBefore: 6 })]);
  }

  const sections = list.sections.filter((s) => s.participants.length > 0);
  if (sections.length === 0) draw([line(msg('participants.list.empty'), 'regular', 11, { gapBefore: 18 })]);

  let group: string | null = null;
  for (const section of sections) {
    const headings: Line[] = [];
    const groupName = msg(`participants.group.${section.group}`);
    if (section.group !== group) {
      group = section.group;
      headings.push(line(groupName, 'bold', 13, { color: ACCENT, gapBefore: 18 }));
    }
    // The experts' heading is the group's own name: print it once.
    if (section.heading !== groupName || headings.length === 0) {
      headings.push(line(section.heading, 'bold', 11, { gapBefore: headings.length ? 8 : 12 }));
    }
    section.participants.forEach((p, i) => {
      const person = personLines(p, list, msg);
      // A heading travels with the first person under it.
      place(i === 0 ? [...headings, ...person] : person);
    });
  }

  // Running head from page 2, then the footer on every page.
  const generated = msg('participants.list.generatedOn', { date: generatedDate(list.lang, list.generatedAt) });
  onEveryPage(doc, (i, count) => {
    doc.font('regular').fontSize(8).fillColor(GREY);
    if (i > 0) {
      doc.text(`${list.meetingTitle} — ${title}`, left, MARGIN / 2, { width, align: 'center', lineBreak: false });
    }
    const y = doc.page.height - MARGIN / 2 - 6;
    doc.text(generated, left, y, { width: width / 2, align: 'left', lineBreak: false });
    doc.text(msg('doc.page', { page: i + 1, pages: count }), left + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
  });
  doc.end();
  return done;
}

function personLines(p: ListedParticipant, list: ParticipantList, msg: Msg): Line[] {
  const lines = [
    line(displayName(p, list.lang), 'bold', 10, {
      indent: INDENT,
      gapBefore: 6,
      ...(p.isHead ? { suffix: { text: ` — ${msg('participants.head')}`, font: 'regular', color: ACCENT } } : {}),
    }),
  ];
  const work = [p.position, p.institution].filter(present).join(', ');
  if (work) lines.push(line(work, 'regular', 9.5, { indent: INDENT, gapBefore: 1 }));
  if (list.withContacts) {
    const contacts = [p.email, p.phone].filter(present).join('   ');
    if (contacts) lines.push(line(contacts, 'regular', 9, { color: GREY, indent: INDENT, gapBefore: 1 }));
  }
  return lines;
}

/** "Title Given FAMILY": the family name in capitals, the way the document's language writes them. */
export function displayName(p: Pick<ListedParticipant, 'title' | 'givenName' | 'familyName'>, lang: Lang): string {
  return [p.title, p.givenName, upperName(p.familyName, lang)].filter(present).join(' ');
}

/**
 * A name in capitals for a document in `lang`. Greek names follow Greek rules whatever the
 * document's language: capitals carry no accents (Παπαδοπούλου → ΠΑΠΑΔΟΠΟΥΛΟΥ, not ΠΑΠΑΔΟΠΟΎΛΟΥ).
 */
export function upperName(name: string, lang: Lang): string {
  return name.toLocaleUpperCase(/\p{Script=Greek}/u.test(name) ? 'el' : lang);
}

function present(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

function generatedDate(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
}
