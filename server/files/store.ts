import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { Config } from '../config.js';

/**
 * Where uploaded and generated files live. Names are generated from the content's SHA-256, never
 * from what the user called the file: nothing a client sends can pick a path, and storing the
 * same bytes twice (a re-upload, two processes racing) writes one object.
 */
export interface FileStore {
  readonly kind: 'disk' | 's3';
  /** Stores the bytes; returns their key. */
  put(bytes: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

export function keyOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function checkKey(key: string): string {
  // Keys come from our own database, but a path is built from them: refuse anything else outright.
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
  return key;
}

/** Files under DATA_DIR/files/ab/cd/<sha256>; written to a temporary name, then renamed into place. */
export class DiskStore implements FileStore {
  readonly kind = 'disk';
  constructor(private readonly root: string) {}

  private path(key: string): string {
    checkKey(key);
    return join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(bytes: Buffer): Promise<string> {
    const key = keyOf(bytes);
    const path = this.path(key);
    try {
      if ((await stat(path)).size === bytes.length) return key;
    } catch {
      // not there yet
    }
    await mkdir(dirname(path), { recursive: true });
    // rename() is atomic: a reader (another process) sees no file or the whole file, never half.
    const temporary = `${path}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o640 });
    await rename(temporary, path);
    return key;
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }
}

export interface S3Settings {
  endpoint: string | null;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
}

type S3Module = typeof S3Sdk;

/**
 * An S3-compatible bucket (AWS, MinIO, Ceph, Garage …). The SDK is loaded only when a bucket is
 * configured, so a deployment on disk neither pays for it nor sees its warnings.
 */
export class S3Store implements FileStore {
  readonly kind = 's3';
  #client: Promise<{ sdk: S3Module; client: InstanceType<S3Module['S3Client']> }> | null = null;
  constructor(private readonly settings: S3Settings) {}

  private connect() {
    this.#client ??= import('@aws-sdk/client-s3').then((sdk) => {
      const { endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } = this.settings;
      const client = new sdk.S3Client({
        region,
        forcePathStyle,
        ...(endpoint ? { endpoint } : {}),
        ...(accessKeyId && secretAccessKey ? { credentials: { accessKeyId, secretAccessKey } } : {}),
      });
      return { sdk, client };
    });
    return this.#client;
  }

  private objectKey(key: string): string {
    return `${this.settings.prefix}${checkKey(key)}`;
  }

  async put(bytes: Buffer): Promise<string> {
    const key = keyOf(bytes);
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: this.objectKey(key),
        Body: bytes,
        ContentType: 'application/octet-stream',
      }),
    );
    return key;
  }

  async get(key: string): Promise<Buffer> {
    const { sdk, client } = await this.connect();
    const answer = await client.send(
      new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
    );
    if (!answer.Body) throw new Error(`Empty object ${key}`);
    const bytes = Buffer.from(await answer.Body.transformToByteArray());
    // The bucket is outside our transaction; check that it gave back what we stored.
    if (keyOf(bytes) !== key) throw new Error(`Object ${key} does not match its checksum`);
    return bytes;
  }

  async delete(key: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
  }
}

export function openFileStore(config: Pick<Config, 'dataDir' | 's3'>): FileStore {
  return config.s3 ? new S3Store(config.s3) : new DiskStore(join(config.dataDir, 'files'));
}
