import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// Resolved through the package so the server works wherever node_modules is installed; DejaVu
// covers Latin with every accent, Greek and Cyrillic, so names survive whatever their script.
export const FONT_REGULAR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
export const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** Registers the two fonts every document here uses, as 'regular' and 'bold'. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
}

/** The whole document as one buffer, once `doc.end()` has been called. */
export function collectPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/**
 * Writes on every buffered page (footers, running heads) once the content is laid out. The
 * bottom margin is lifted meanwhile: writing inside it would make pdfkit start a new page.
 */
export function onEveryPage(doc: PDFKit.PDFDocument, write: (index: number, count: number) => void): void {
  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    write(i, pages.count);
    doc.page.margins.bottom = bottom;
  }
}

/** "page / pages" centred in the bottom margin of every page, in small grey type. */
export function numberPages(
  doc: PDFKit.PDFDocument,
  label: (page: number, pages: number) => string,
  box: { left: number; width: number; margin: number; color: string },
): void {
  onEveryPage(doc, (i, count) => {
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(box.color)
      .text(label(i + 1, count), box.left, doc.page.height - box.margin / 2 - 6, {
        width: box.width,
        align: 'center',
        lineBreak: false,
      });
  });
}
