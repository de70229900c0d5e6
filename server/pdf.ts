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
