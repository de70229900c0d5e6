import { inflateRawSync } from 'node:zlib';
import type { FileFormat } from '../../../shared/schemas/documents.js';
import { AppError } from '../../http/errors.js';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** The main part's content type in [Content_Types].xml, per OOXML format. */
const OOXML_MAIN: Record<'docx' | 'xlsx' | 'pptx', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};

const ACCEPTED = 'PDF, DOCX, XLSX, PPTX or ODT';

function refuse(reason: string, detail: string): never {
  throw new AppError('unsupported_media_type', `${detail} Accepted: ${ACCEPTED}.`, { reason });
}

/**
 * What a file is, by its content alone: a PDF (header and end-of-file marker), an OOXML
 * document (a complete ZIP whose [Content_Types].xml declares the format's main part) or an
 * OpenDocument text (a complete ZIP whose first entry is the stored `mimetype`). Anything else,
 * and anything cut short, is refused with a message saying what it looks like.
 */
export function detectFormat(body: Buffer): FileFormat {
  if (body.length === 0) refuse('empty', 'The file is empty.');
  const head = body.subarray(0, 1024).toString('latin1');
  if (head.startsWith('%PDF-')) {
    const tail = body.subarray(Math.max(0, body.length - 2048)).toString('latin1');
    if (!tail.includes('%%EOF')) refuse('truncated', 'This PDF is incomplete: it has no end-of-file marker.');
    return 'pdf';
  }
  if (body.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) return zipFormat(body);
  if (
    head.startsWith('MZ') ||
    head.startsWith('\x7fELF') ||
    /^(\xca\xfe\xba\xbe|\xcf\xfa\xed\xfe|\xfe\xed\xfa)/.test(head)
  ) {
    refuse('executable', 'This file is a program, not a document.');
  }
  if (head.startsWith('#!')) refuse('executable', 'This file is a script, not a document.');
  const text = head
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (text.includes('<svg')) refuse('svg', 'This file is an SVG image, which can carry scripts.');
  if (/^<(!doctype html|html|head|body|script|iframe|\?xml)/.test(text) || text.includes('<html')) {
    refuse('html', 'This file is an HTML or XML page, not a document.');
  }
  refuse('unknown_type', 'This file is not a document of an accepted type.');
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Reads the central directory; a file without a complete one (truncated) is refused. */
function centralDirectory(body: Buffer): ZipEntry[] {
  const truncated = () => refuse('truncated', 'This file is incomplete (its archive directory is missing).');
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = body.length - 22; i >= Math.max(0, body.length - 22 - 65535); i--) {
    if (body.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) truncated();
  const count = body.readUInt16LE(eocd + 10);
  const size = body.readUInt32LE(eocd + 12);
  const offset = body.readUInt32LE(eocd + 16);
  if (offset + size > eocd || count === 0) truncated();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || body.readUInt32LE(p) !== 0x02014b50) truncated();
    const nameLength = body.readUInt16LE(p + 28);
    const extraLength = body.readUInt16LE(p + 30);
    const commentLength = body.readUInt16LE(p + 32);
    const entry = {
      method: body.readUInt16LE(p + 10),
      compressedSize: body.readUInt32LE(p + 20),
      localOffset: body.readUInt32LE(p + 42),
      name: body.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    };
    if (entry.localOffset + 30 > offset) truncated();
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(body: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  const start = at + 30 + body.readUInt16LE(at + 26) + body.readUInt16LE(at + 28);
  const raw = body.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return raw;
  if (entry.method === 8) {
    try {
      // Bounded: a part of a few kilobytes is all this reads; a zip bomb stops at the limit.
      return inflateRawSync(raw, { maxOutputLength: 1024 * 1024 });
    } catch {
      return refuse('truncated', 'This file is damaged: a part of it cannot be read.');
    }
  }
  return refuse('unknown_type', 'This archive uses a compression this server does not read.');
}

function zipFormat(body: Buffer): FileFormat {
  const entries = centralDirectory(body);
  const first = entries.find((e) => e.localOffset === 0);
  if (first?.name === 'mimetype' && first.method === 0) {
    const mime = entryData(body, first).toString('latin1').trim();
    if (mime === CONTENT_TYPES.odt) return 'odt';
    refuse('unknown_type', `This OpenDocument file is a "${mime.slice(0, 80)}", not a text document (ODT).`);
  }
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (!types) refuse('unknown_type', 'This file is a ZIP archive, not an office document.');
  const xml = entryData(body, types).toString('utf8');
  for (const [format, main] of Object.entries(OOXML_MAIN) as ['docx' | 'xlsx' | 'pptx', string][]) {
    if (xml.includes(`"${main}"`)) return format;
  }
  return refuse(
    'unknown_type',
    'This office file is not a plain DOCX, XLSX or PPTX (macro-enabled and other variants are not accepted).',
  );
}

/** `attachment` with an ASCII fallback and the exact name per RFC 5987/6266 (accents and spaces survive). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
