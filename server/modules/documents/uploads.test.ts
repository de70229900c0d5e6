import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_MAX_BYTES } from '../../../shared/schemas/documents.js';
import { contentDisposition, detectFormat } from './content.js';
import { create, docWorld, files, upload, type DocWorld } from './documents.test-helper.js';

describe('detectFormat, by content alone', () => {
  it('accepts PDF, DOCX, XLSX, PPTX and ODT', () => {
    expect(detectFormat(files.pdf())).toBe('pdf');
    expect(detectFormat(files.docx())).toBe('docx');
    expect(detectFormat(files.xlsx())).toBe('xlsx');
    expect(detectFormat(files.pptx())).toBe('pptx');
    expect(detectFormat(files.odt())).toBe('odt');
  });

  it('refuses everything else with a reason', () => {
    const reason = (b: Buffer) => {
      try {
        detectFormat(b);
        return 'accepted';
      } catch (err) {
        return (err as { extensions: { reason: string } }).extensions.reason;
      }
    };
    expect(reason(files.exe())).toBe('executable');
    expect(reason(files.elf())).toBe('executable');
    expect(reason(files.html())).toBe('html');
    expect(reason(files.svg())).toBe('svg');
    expect(reason(Buffer.alloc(0))).toBe('empty');
    expect(reason(files.pdf().subarray(0, 30))).toBe('truncated');
    const docx = files.docx();
    expect(reason(docx.subarray(0, docx.length - 10))).toBe('truncated');
    expect(reason(files.odt().subarray(0, 60))).toBe('truncated');
    expect(reason(files.docm())).toBe('unknown_type');
    expect(reason(files.plainZip())).toBe('unknown_type');
    expect(reason(Buffer.from('just some text'))).toBe('unknown_type');
  });
});

describe('contentDisposition', () => {
  it('keeps accents and spaces in filename* and gives an ASCII fallback', () => {
    const name = "Rapport national — Argentine (été 2005) l'ONU.pdf";
    const header = contentDisposition(name);
    expect(header).toMatch(
      /^attachment; filename="Rapport national _ Argentine \(ete 2005\) l'ONU\.pdf"; filename\*=UTF-8''/,
    );
    const encoded = header.split("filename*=UTF-8''")[1] ?? '';
    expect(encoded).not.toMatch(/[ '()*]/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });
});

describe('uploads over HTTP', () => {
  let w: DocWorld;
  let id = '';
  beforeAll(async () => {
    w = await docWorld();
    id = await create(w, w.secretariat, {});
  });
  afterAll(async () => w.t.close());

  it('refuses renamed executables, HTML, SVG, truncated and empty files with a clear problem', async () => {
    for (const [body, reason, type] of [
      [files.exe(), 'executable', 'application/pdf'],
      [files.html(), 'html', 'application/pdf'],
      [files.svg(), 'svg', 'application/octet-stream'],
      [files.pdf().subarray(0, 40), 'truncated', 'application/pdf'],
      [files.docx().subarray(0, 100), 'truncated', CONTENT_DOCX],
    ] as const) {
      const res = await upload(w, w.secretariat, id, 'fr', body, '&fileName=rapport.pdf', type);
      expect(res.statusCode, reason).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json(), reason).toMatchObject({ code: 'unsupported_media_type', reason });
      expect(res.json<{ detail: string }>().detail).toMatch(/Accepted: PDF, DOCX, XLSX, PPTX or ODT/);
    }
    const html = await upload(w, w.secretariat, id, 'fr', files.html(), '', 'text/html');
    expect(html.statusCode).toBe(415);
    const none = await w.t.app.inject({
      method: 'PUT',
      url: `/api/documents/${id}/files/fr`,
      headers: w.secretariat.headers,
    });
    expect(none.statusCode).toBe(415);
    expect(none.json()).toMatchObject({ reason: 'no_file' });
    const rows = await w.t.app.db.selectFrom('document_file').select('id').execute();
    expect(rows.filter(Boolean).length).toBeGreaterThan(0); // the seeded ones only
  });

  it('refuses oversized files with 413', async () => {
    const big = Buffer.concat([files.pdf(), Buffer.alloc(DOCUMENT_MAX_BYTES)]);
    const res = await upload(w, w.secretariat, id, 'fr', big, '', 'application/pdf');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('accepts a 11 MB PDF (over the 1 MiB default and the 10 MB letter limit)', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(11 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const res = await upload(w, w.secretariat, id, 'en', pdf, '', 'application/pdf');
    expect(res.statusCode).toBe(200);
  });

  it('stores each format with its type, and names with accents and spaces survive download', async () => {
    const name = 'Présentation — Brésil été 2005.pptx';
    const res = await upload(w, w.secretariat, id, 'pt', files.pptx(), `&fileName=${encodeURIComponent(name)}`);
    expect(res.statusCode).toBe(200);
    const odt = await upload(w, w.secretariat, id, 'es', files.odt(), '&fileName=Informe%20a%C3%B1o.odt');
    expect(odt.statusCode).toBe(200);
    const get = await w.t.app.inject({ url: `/api/documents/${id}/files/pt`, headers: w.secretariat.headers });
    expect(get.statusCode).toBe(200);
    expect(get.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    );
    expect(get.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(get.headers['content-disposition']);
    expect(disposition.startsWith('attachment;')).toBe(true);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '')).toBe(name);
    expect(get.rawPayload.equals(files.pptx())).toBe(true);
    const es = await w.t.app.inject({ url: `/api/documents/${id}/files/es`, headers: w.secretariat.headers });
    expect(decodeURIComponent(String(es.headers['content-disposition']).split("''")[1] ?? '')).toBe('Informe año.odt');
    // A name with the wrong extension gets the detected one.
    const docx = await upload(w, w.secretariat, id, 'fr', files.docx(), '&fileName=rapport.exe');
    const fr = docx.json<{ revisions: { files: { lang: string; fileName: string; format: string }[] }[] }>();
    expect(fr.revisions[0]?.files.find((f) => f.lang === 'fr')).toMatchObject({
      fileName: 'rapport.docx',
      format: 'docx',
    });
  });
});

const CONTENT_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
