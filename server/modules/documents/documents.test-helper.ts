import { callerWith, type Caller } from '../editing/actors.test-helper.js';
import { SLUG, world, type World } from '../participation/participation.test-helper.js';

export { SLUG };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP archive with stored (uncompressed) entries, in the order given. */
export function zip(entries: [string, string | Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of entries) {
    const data = Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string, part: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${main}"/></Types>`;

export const files = {
  pdf: (text = 'hello') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`, 'latin1'),
  docx: () =>
    zip([
      [
        '[Content_Types].xml',
        contentTypes(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          'word/document.xml',
        ),
      ],
      ['word/document.xml', '<w:document/>'],
    ]),
  xlsx: () =>
    zip([
      [
        '[Content_Types].xml',
        contentTypes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xl/workbook.xml'),
      ],
      ['xl/workbook.xml', '<workbook/>'],
    ]),
  pptx: () =>
    zip([
      [
        '[Content_Types].xml',
        contentTypes(
          'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
          'ppt/presentation.xml',
        ),
      ],
      ['ppt/presentation.xml', '<p:presentation/>'],
    ]),
  odt: () =>
    zip([
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', '<office:document-content/>'],
    ]),
  docm: () =>
    zip([
      [
        '[Content_Types].xml',
        contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml', 'word/document.xml'),
      ],
      ['word/document.xml', '<w:document/>'],
    ]),
  plainZip: () => zip([['readme.txt', 'hello']]),
  exe: () => Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]),
  elf: () => Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(200)]),
  html: () => Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
  svg: () =>
    Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
};

export interface DocWorld extends World {
  participant: Caller;
}

export async function docWorld(): Promise<DocWorld> {
  const w = await world();
  return { ...w, participant: await callerWith(w.t, [{ role: 'participant' }]) };
}

export const title = (fr: string, es?: string) => ({
  original: 'fr' as const,
  values: { fr: { text: fr, official: true }, ...(es ? { es: { text: es, official: false } } : {}) },
});

type Method = 'GET' | 'POST' | 'PUT';

export function api(w: World, caller: Caller | null, method: Method, url: string, body?: unknown) {
  return w.t.app.inject({
    method,
    url,
    headers: caller?.headers ?? {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

export function upload(
  w: World,
  caller: Caller | null,
  id: string,
  lang: string,
  content: Buffer,
  query = '',
  contentType = 'application/octet-stream',
) {
  return w.t.app.inject({
    method: 'PUT',
    url: `/api/documents/${id}/files/${lang}?lang=en${query}`,
    headers: { ...(caller?.headers ?? {}), 'content-type': contentType },
    payload: content,
  });
}

/** Creates a draft through the API and returns its id. */
export async function create(w: World, caller: Caller, body: Record<string, unknown>): Promise<string> {
  const res = await api(w, caller, 'POST', `/api/meetings/${SLUG}/documents?lang=en`, {
    kind: 'background',
    title: title('Document de travail'),
    ...body,
  });
  if (res.statusCode !== 201) throw new Error(`create: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/** A secretariat document with a French original, issued with the given distribution. */
export async function issued(w: World, distribution: string, more: Record<string, unknown> = {}): Promise<string> {
  const id = await create(w, w.secretariat, { distribution, ...more });
  const up = await upload(w, w.secretariat, id, 'fr', files.pdf(`fr ${distribution}`));
  if (up.statusCode !== 200) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  const res = await api(w, w.secretariat, 'POST', `/api/documents/${id}/issue`, {});
  if (res.statusCode !== 200) throw new Error(`issue: ${res.statusCode} ${res.body}`);
  return id;
}
