import PDFDocument from 'pdfkit';
import { collectPdf, FONT_REGULAR, registerFonts } from '../../pdf.js';
import QRCode from 'qrcode';
import { intlFor } from '../../i18n.js';
import { upperName } from './list-pdf.js';
import type { Badge, BadgeSheet } from './types.js';

// Resolved through the package so the server works wherever node_modules is installed.

const MM = 72 / 25.4;
/** Badge size: 90 × 60 mm, the common size of badge holders; 2 × 4 fill an A4 sheet. */
const BADGE_W = 90 * MM;
const BADGE_H = 60 * MM;
const COLUMNS = 2;
const ROWS = 4;
const BADGES_PER_SHEET = COLUMNS * ROWS;

const PAD = 9;
const BAND_H = 22;
/** The QR's side without its quiet zone: about 22 mm, easy to scan from a phone at arm's length. */
const QR_SIZE = 22 * MM;
const GREY = '#555555';
const CUT = '#9a9a9a';
const MARK = 10; // length of the cut marks outside the grid
/** Band colours, dark enough for white text; a category always gets the same one. */
const BAND_COLOURS = ['#1f4e79', '#9b1c1c', '#2e6b30', '#6b2e83', '#8a5a00', '#0f6e6e', '#b3420f', '#3f3f3f'];

type Font = 'regular' | 'bold';

/**
 * Badge sheets to print on A4 and cut: 2 × 4 badges a sheet, each with the meeting, the name,
 * the delegation, the category on a coloured band and a QR code holding the check-in code.
 */
export async function renderBadgesPdf(sheet: BadgeSheet): Promise<Buffer> {
  const intl = intlFor(sheet.lang);
  const msg = (id: string, values?: Record<string, string | number>): string => intl.formatMessage({ id }, values);

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0, // every position is absolute
    autoFirstPage: false,
    lang: sheet.lang,
    displayTitle: true,
    font: FONT_REGULAR,
    info: {
      Title: `${sheet.meetingTitle} — ${msg('participants.badge.title')}`,
      Creator: 'Continental',
      // Fixed dates make the same sheet render to the same bytes.
      CreationDate: sheet.generatedAt,
      ModDate: sheet.generatedAt,
    },
  });
  registerFonts(doc);
  const done = collectPdf(doc);

  const sheets = Math.max(1, Math.ceil(sheet.badges.length / BADGES_PER_SHEET));
  for (let s = 0; s < sheets; s++) {
    doc.addPage();
    const originX = (doc.page.width - COLUMNS * BADGE_W) / 2;
    const originY = (doc.page.height - ROWS * BADGE_H) / 2;
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(GREY)
      .text(
        msg('participants.badge.sheet', { meeting: sheet.meetingTitle, sheet: s + 1, sheets }),
        originX,
        originY / 2,
        { width: COLUMNS * BADGE_W, align: 'center', lineBreak: false },
      );
    sheet.badges.slice(s * BADGES_PER_SHEET, (s + 1) * BADGES_PER_SHEET).forEach((badge, i) => {
      const x = originX + (i % COLUMNS) * BADGE_W;
      const y = originY + Math.floor(i / COLUMNS) * BADGE_H;
      drawBadge(doc, badge, sheet, x, y);
    });
    drawCutLines(doc, originX, originY);
  }
  doc.end();
  return done;
}

function drawBadge(doc: PDFKit.PDFDocument, badge: Badge, sheet: BadgeSheet, x: number, y: number): void {
  const inner = BADGE_W - 2 * PAD;

  // The meeting, small, at the top.
  let top = y + PAD;
  top += fitText(doc, sheet.meetingTitle, x + PAD, top, inner, { font: 'regular', max: 7.5, min: 6, lines: 2 }, GREY);
  if (sheet.dateRange) {
    top += fitText(doc, sheet.dateRange, x + PAD, top, inner, { font: 'regular', max: 7, min: 6, lines: 1 }, GREY);
  }

  // The category on a coloured band across the bottom.
  const bandTop = y + BADGE_H - BAND_H;
  doc.rect(x, bandTop, BADGE_W, BAND_H).fill(bandColour(badge.category));
  doc.font('bold').fontSize(fitSize(doc, badge.category, 'bold', inner, 11, 6));
  doc.fillColor('white').text(badge.category, x + PAD, bandTop + (BAND_H - doc.currentLineHeight()) / 2, {
    width: inner,
    align: 'center',
    height: doc.currentLineHeight() + 1,
    ellipsis: true,
  });

  // The QR code on the right, with a quiet zone of four modules, centred between top text and band.
  const qr = qrMatrix(badge.checkInCode);
  const module = QR_SIZE / qr.size;
  const quiet = 4 * module;
  const qrX = x + BADGE_W - PAD - QR_SIZE;
  const space = bandTop - top;
  const qrY = top + Math.max(quiet, (space - QR_SIZE) / 2);
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.dark(row, col)) doc.rect(qrX + col * module, qrY + row * module, module, module);
    }
  }
  doc.fillColor('black').fill();

  // Given name, family name and delegation on the left, shrunk to fit, centred vertically.
  const textWidth = qrX - quiet - (x + PAD);
  const blocks: { text: string; spec: FitSpec; color: string; gap: number }[] = [
    { text: badge.givenName, spec: { font: 'bold', max: 17, min: 9, lines: 2 }, color: 'black', gap: 0 },
    {
      text: upperName(badge.familyName, sheet.lang),
      spec: { font: 'bold', max: 17, min: 9, lines: 2 },
      color: 'black',
      gap: 1,
    },
    { text: badge.delegation, spec: { font: 'regular', max: 9.5, min: 7, lines: 2 }, color: GREY, gap: 5 },
  ];
  const heights = blocks.map((b) => b.gap + measureFit(doc, b.text, textWidth, b.spec).height);
  const total = heights.reduce((a, b) => a + b, 0);
  let cursor = top + Math.max(2, (space - total) / 2);
  for (const b of blocks) {
    cursor += b.gap;
    cursor += fitText(doc, b.text, x + PAD, cursor, textWidth, b.spec, b.color);
  }
}

/** Thin borders along every cut and short marks in the margin where the cuts start. */
function drawCutLines(doc: PDFKit.PDFDocument, originX: number, originY: number): void {
  const right = originX + COLUMNS * BADGE_W;
  const bottom = originY + ROWS * BADGE_H;
  doc.lineWidth(0.3).strokeColor(CUT);
  for (let c = 0; c <= COLUMNS; c++) {
    const x = originX + c * BADGE_W;
    doc.moveTo(x, originY).lineTo(x, bottom);
    doc.moveTo(x, originY - MARK - 2).lineTo(x, originY - 2);
    doc.moveTo(x, bottom + 2).lineTo(x, bottom + MARK + 2);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = originY + r * BADGE_H;
    doc.moveTo(originX, y).lineTo(right, y);
    doc.moveTo(originX - MARK - 2, y).lineTo(originX - 2, y);
    doc.moveTo(right + 2, y).lineTo(right + MARK + 2, y);
  }
  doc.stroke();
}

interface FitSpec {
  font: Font;
  /** Largest and smallest font size to try. */
  max: number;
  min: number;
  /** Lines allowed once the smallest size on one line is not enough. */
  lines: number;
}

/**
 * The size a text is printed at: the largest that fits on one line; failing that, the largest
 * at which it wraps onto `lines` lines without breaking a word; failing that, the smallest,
 * wrapped and cut with an ellipsis.
 */
function measureFit(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  spec: FitSpec,
): { size: number; lines: number; height: number } {
  const single = fitSize(doc, text, spec.font, width, spec.max, spec.min);
  doc.font(spec.font).fontSize(single);
  if (doc.widthOfString(text) <= width - 0.5 || spec.lines === 1) {
    return { size: single, lines: 1, height: doc.currentLineHeight(true) };
  }
  const words = text.split(/\s+/);
  for (let size = spec.max; size >= spec.min; size -= 0.5) {
    doc.fontSize(size);
    const lineHeight = doc.currentLineHeight(true);
    const height = doc.heightOfString(text, { width, lineGap: 0 });
    if (height <= spec.lines * lineHeight + 0.01 && words.every((w) => doc.widthOfString(w) <= width - 0.5)) {
      return { size, lines: spec.lines, height };
    }
  }
  doc.fontSize(spec.min);
  return { size: spec.min, lines: spec.lines, height: spec.lines * doc.currentLineHeight(true) };
}

/** Draws `text` as measureFit decides and returns the height it took. */
function fitText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  spec: FitSpec,
  color: string,
): number {
  const fit = measureFit(doc, text, width, spec);
  doc.font(spec.font).fontSize(fit.size).fillColor(color);
  // The height option stops the text after the lines allowed; the ellipsis marks a cut.
  doc.text(text, x, y, { width, height: fit.height + 1, ellipsis: true, lineGap: 0 });
  return fit.height;
}

/** The largest size from max down to min (half points) at which `text` fits on one line. */
function fitSize(doc: PDFKit.PDFDocument, text: string, font: Font, width: number, max: number, min: number): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width - 0.5) return size;
  }
  return min;
}

/** The QR code's modules for a check-in code: the code itself and nothing else, error correction M. */
function qrMatrix(checkInCode: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(checkInCode, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => Boolean(modules.get(row, col)) };
}

function bandColour(category: string): string {
  let hash = 2166136261; // FNV-1a: the same label always gets the same colour
  for (const ch of category) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return BAND_COLOURS[hash % BAND_COLOURS.length] ?? '#3f3f3f';
}
