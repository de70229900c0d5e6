import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Secrets the server must read back (TOTP seeds) are encrypted at rest with AES-256-GCM, so a
 * copied database or backup alone does not yield them. The master key comes from SECRET_KEY, or
 * failing that from a random key file created once under DATA_DIR. Several processes on
 * different machines must share SECRET_KEY (or the file), or they cannot read each other's rows.
 */

export interface SecretKeySource {
  secretKey: string | null;
  dataDir: string;
}

export interface Keys {
  /** AES-256-GCM key for encrypt/decrypt. */
  encryption: Buffer;
  /** HMAC-SHA-256 key for lookups of low-entropy secrets (recovery codes). */
  mac: Buffer;
}

export const KEY_FILE = 'secret.key';
const VERSION = 'v1';

/** SECRET_KEY (32+ characters) hashed to 32 bytes, so any string of enough entropy can serve. */
export const deriveMasterKey = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * Reads DATA_DIR/secret.key, creating it (0600) on first use. The key is written whole to a
 * private temporary file, then linked into place: a link either creates the name with the full
 * content or fails because it exists, so processes starting together agree on one key and none
 * ever reads a file that is created but not yet written (which `wx` alone allowed).
 */
function keyFromFile(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE);
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(temporary);
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
}

const cache = new Map<string, Keys>();

/**
 * The keys for this configuration. One master key, two derived subkeys (HKDF), so encryption
 * and MAC never share a key.
 */
export function loadKeys(source: SecretKeySource): Keys {
  const cacheKey =
    source.secretKey !== null ? `env:${deriveMasterKey(source.secretKey).toString('hex')}` : source.dataDir;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const master = source.secretKey !== null ? deriveMasterKey(source.secretKey) : keyFromFile(source.dataDir);
  if (master.length < 32) throw new Error(`${KEY_FILE} is damaged: fewer than 32 bytes`);
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  const keys = { encryption: derive('continental/aes-256-gcm'), mac: derive('continental/hmac-sha256') };
  cache.set(cacheKey, keys);
  return keys;
}

/**
 * Encrypts `plaintext`; `context` (e.g. the user id) is bound as associated data, so a value
 * copied into another row does not decrypt there. Output: `v1.<iv>.<tag>.<ciphertext>`.
 */
export function encryptSecret(keys: Keys, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws when the value was altered, belongs to another context or was made with another key. */
export function decryptSecret(keys: Keys, payload: string, context: string): string {
  const [version, iv, tag, body] = payload.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
    throw new Error('unrecognised encrypted value');
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * A keyed hash for short secrets that are looked up, not read back (recovery codes): with ~50
 * bits of entropy a plain SHA-256 could be brute-forced from a leaked table; without the key it cannot.
 */
export const macSecret = (keys: Keys, value: string): string =>
  createHmac('sha256', keys.mac).update(value, 'utf8').digest('base64url');
