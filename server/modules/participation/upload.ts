import { AppError } from '../../http/errors.js';

export const CREDENTIALS_MAX_BYTES = 10 * 1024 * 1024;

/**
 * A PDF by content: it starts with the %PDF- header and has an end-of-file marker near its end
 * (a truncated upload does not). The name or Content-Type a client gives proves nothing.
 */
export function checkPdf(body: Buffer): void {
  const head = body.subarray(0, 1024).toString('latin1');
  const tail = body.subarray(Math.max(0, body.length - 2048)).toString('latin1');
  if (!head.startsWith('%PDF-')) {
    throw new AppError('unsupported_media_type', 'This file is not a PDF: its content does not start like one.');
  }
  if (!tail.includes('%%EOF')) {
    throw new AppError(
      'unsupported_media_type',
      'This PDF is incomplete: it has no end-of-file marker. Upload it again.',
    );
  }
}

/**
 * A file name safe to store and to send back: NFC, no path, no control or reserved characters,
 * at most 120 characters, with the expected extension.
 */
export function safeFileName(name: string, extension: string): string {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'file';
  return `${stem}.${extension}`;
}
