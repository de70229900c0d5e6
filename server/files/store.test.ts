import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerWith } from '../modules/editing/actors.test-helper.js';
import { buildTestApp } from '../test/app.js';
import { createMeeting } from '../test/factories.js';
import { DiskStore, keyOf, S3Store, type FileStore } from './store.js';

const BUCKET = 'continental-files';
let s3: S3rver;
let endpoint: string;
const scratch = mkdtempSync(join(tmpdir(), 'continental-store-'));

beforeAll(async () => {
  // s3rver: an S3-compatible server in Node (the protocol and signature checks of the real thing).
  s3 = new S3rver({
    port: 0,
    address: '127.0.0.1',
    directory: join(scratch, 's3'),
    silent: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await s3.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await s3.close();
  rmSync(scratch, { recursive: true, force: true });
});

const s3Settings = () => ({
  endpoint,
  region: 'us-east-1',
  bucket: BUCKET,
  prefix: 'test/',
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
  forcePathStyle: true,
});

describe.each([
  ['disk', (): FileStore => new DiskStore(join(scratch, 'disk'))],
  ['S3-compatible bucket', (): FileStore => new S3Store(s3Settings())],
])('the %s file store', (_name, open) => {
  it('gives back exactly what it stored, under its SHA-256, once for the same bytes', async () => {
    const store = open();
    const bytes = Buffer.from('%PDF-1.7 rapport régional\n');
    const key = await store.put(bytes);
    expect(key).toBe(keyOf(bytes));
    expect(await store.put(Buffer.from(bytes))).toBe(key);
    expect((await store.get(key)).equals(bytes)).toBe(true);
    await store.delete(key);
    await expect(store.get(key)).rejects.toThrow();
  });

  it('refuses a key that is not one of its own names (no path can be smuggled in)', async () => {
    const store = open();
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/Not a storage key/);
    await expect(store.get('A'.repeat(64))).rejects.toThrow(/Not a storage key/);
  });
});

describe('documents on an S3-compatible store', () => {
  it('uploads and serves a document version through the bucket, nothing under DATA_DIR', async () => {
    const t = await buildTestApp({
      env: {
        S3_BUCKET: BUCKET,
        S3_ENDPOINT: endpoint,
        S3_ACCESS_KEY_ID: 'S3RVER',
        S3_SECRET_ACCESS_KEY: 'S3RVER',
        S3_PREFIX: 'app',
      },
    });
    try {
      expect(t.app.files.kind).toBe('s3');
      const { slug } = await createMeeting(t.app.db);
      const staff = await callerWith(t, [{ role: 'secretariat' }]);
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/meetings/${slug}/documents`,
        headers: staff.headers,
        payload: { kind: 'background', title: { original: 'fr', values: { fr: { text: 'Note', official: true } } } },
      });
      const id = created.json<{ id: string }>().id;
      const pdf = Buffer.from('%PDF-1.4\n% stockée dans le seau\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');
      const up = await t.app.inject({
        method: 'PUT',
        url: `/api/documents/${id}/files/fr?fileName=${encodeURIComponent('Note régionale.pdf')}`,
        headers: { ...staff.headers, 'content-type': 'application/pdf' },
        payload: pdf,
      });
      expect(up.statusCode, up.body).toBe(200);
      const down = await t.app.inject({ url: `/api/documents/${id}/files/fr`, headers: staff.headers });
      expect(down.statusCode).toBe(200);
      expect(down.rawPayload.equals(pdf)).toBe(true);
      expect(existsSync(join(t.database.dataDir, 'files'))).toBe(false);
      const objects = readdirSync(join(scratch, 's3', BUCKET), { recursive: true }).map(String);
      expect(objects.some((name) => name.includes(keyOf(pdf)))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
