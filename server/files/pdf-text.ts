import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Pages and characters read from one PDF: enough to find a document by its words, bounded for huge files. */
const MAX_PAGES = 500;
const MAX_CHARS = 2_000_000;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/**
 * The text of a PDF, page by page, for the search index. A PDF we cannot read (scanned images,
 * encrypted, damaged beyond what the content check caught) gives empty text: it is still
 * registered and downloadable, just not found by its words.
 */
export async function pdfText(bytes: Buffer): Promise<string> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const task = getDocument({
    // pdf.js may detach the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const parts: string[] = [];
    let length = 0;
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES) && length < MAX_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      parts.push(text);
      length += text.length;
      page.cleanup();
    }
    return parts.join('\n').slice(0, MAX_CHARS);
  } catch {
    return '';
  } finally {
    await task.destroy();
  }
}
