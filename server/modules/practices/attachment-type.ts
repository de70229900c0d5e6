import type { AttachmentFormat } from '../../../shared/schemas/practices.js';
import { AppError } from '../../http/errors.js';
import { detectFormat } from '../documents/content.js';

export const ATTACHMENT_TYPES: Record<AttachmentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
const ACCEPTED = 'PDF, DOCX, ODT, PNG, JPEG or WebP';

function refuse(reason: string, detail: string): never {
  throw new AppError('unsupported_media_type', `${detail} Accepted: ${ACCEPTED}.`, { reason });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * What an attachment is, by its bytes: an image (PNG with its end chunk, JPEG with its end
 * marker, WebP whose RIFF size matches) or a document as the register checks them (PDF, DOCX,
 * ODT). Spreadsheets and slides are not practice attachments; anything else is refused saying
 * what it looks like.
 */
export function detectAttachment(body: Buffer): AttachmentFormat {
  if (body.subarray(0, 8).equals(PNG)) {
    if (!body.subarray(-12).includes(Buffer.from('IEND', 'latin1')))
      refuse('truncated', 'This PNG image is incomplete.');
    return 'png';
  }
  if (body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) {
    // Cameras may pad after the end marker; look for it near the end.
    if (!body.subarray(-1024).includes(Buffer.from([0xff, 0xd9])))
      refuse('truncated', 'This JPEG image is incomplete.');
    return 'jpeg';
  }
  if (body.subarray(0, 4).toString('latin1') === 'RIFF' && body.subarray(8, 12).toString('latin1') === 'WEBP') {
    if (body.readUInt32LE(4) + 8 > body.length) refuse('truncated', 'This WebP image is incomplete.');
    return 'webp';
  }
  let format: string;
  try {
    format = detectFormat(body);
  } catch (err) {
    if (err instanceof AppError) {
      const reason = String(err.extensions.reason ?? 'unknown_type');
      refuse(reason, err.message.replace(/ Accepted: .*$/, ''));
    }
    throw err;
  }
  if (format === 'pdf' || format === 'docx' || format === 'odt') return format;
  return refuse('unknown_type', `A ${format.toUpperCase()} file is not accepted as a practice attachment.`);
}
