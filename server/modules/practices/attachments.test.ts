import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/schemas/practices.js';
import { files } from '../documents/documents.test-helper.js';
import { api, createAs, world, type World } from './practices.test-helper.js';

let w: World;
beforeAll(async () => {
  w = await world();
});
afterAll(async () => w.t.close());

const attach = (id: string, body: Buffer, fileName: string, caller = w.focalARG, type = 'application/octet-stream') =>
  w.t.app.inject({
    method: 'POST',
    url: `/api/practices/${id}/attachments?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...caller.headers, 'content-type': type },
    payload: body,
  });

const png = () =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(40),
    Buffer.from('\0\0\0\0IEND\xae\x42\x60\x82', 'latin1'),
  ]);

describe('practice attachments', () => {
  it('accepts a PDF and an image checked by content, and serves them with a safe name and nosniff', async () => {
    const id = await createAs(w, w.focalARG);
    const pdf = await attach(id, files.pdf('informe'), 'Informe final – niñez.pdf');
    expect(pdf.statusCode, pdf.body).toBe(201);
    const image = await attach(id, png(), 'foto.png', w.focalARG, 'image/png');
    expect(image.statusCode, image.body).toBe(201);
    const list = image.json<{ attachments: { url: string; fileName: string; format: string }[] }>().attachments;
    expect(list.map((a) => a.format)).toEqual(['pdf', 'png']);
    const down = await api(w, w.focalARG, 'GET', list[0]?.url ?? '');
    expect(down.statusCode).toBe(200);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
    expect(down.headers['content-disposition']).toContain(
      "filename*=UTF-8''Informe%20final%20%E2%80%93%20ni%C3%B1ez.pdf",
    );
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    // Not public while the practice is unpublished.
    expect((await api(w, null, 'GET', list[0]?.url ?? '')).statusCode).toBe(404);
  });

  it.each([
    ['a renamed executable', files.exe(), 'report.pdf', 'executable'],
    ['an SVG with a script', files.svg(), 'chart.png', 'svg'],
    ['an HTML page', files.html(), 'page.docx', 'html'],
    ['a truncated PDF', Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), 'cut.pdf', 'truncated'],
    ['a spreadsheet', files.xlsx(), 'data.xlsx', 'unknown_type'],
  ])('refuses %s with a clear message', async (_what, body, name, reason) => {
    const id = await createAs(w, w.focalARG);
    const res = await attach(id, body, name);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'unsupported_media_type', reason });
    expect(res.json<{ detail: string }>().detail).toMatch(/Accepted: PDF, DOCX, ODT, PNG, JPEG or WebP/);
  });

  it('refuses an oversized file while it streams in, and another state’s practice', async () => {
    const id = await createAs(w, w.focalARG);
    const big = Buffer.concat([files.pdf('x'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    expect((await attach(id, big, 'big.pdf')).statusCode).toBe(413);
    expect((await attach(id, files.pdf('x'), 'x.pdf', w.focalBRA)).statusCode).toBe(403);
    const view = await api(w, w.focalARG, 'GET', `/api/practices/${id}`);
    expect(view.json<{ attachments: unknown[] }>().attachments).toEqual([]);
  });
});
