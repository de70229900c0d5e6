import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { KEY_FILE, decryptSecret, encryptSecret, loadKeys, macSecret } from './crypto.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'continental-crypto-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('secrets at rest', () => {
  it('round-trips with AES-256-GCM, a fresh IV each time, and nothing of the plaintext visible', () => {
    const keys = loadKeys({ secretKey: 'x'.repeat(40), dataDir: tempDir() });
    const a = encryptSecret(keys, 'JBSWY3DPEHPK3PXP', 'user-1');
    const b = encryptSecret(keys, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain('JBSWY3DP');
    expect(decryptSecret(keys, a, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses a value moved to another row, altered, or read with another key', () => {
    const keys = loadKeys({ secretKey: 'y'.repeat(40), dataDir: tempDir() });
    const other = loadKeys({ secretKey: 'z'.repeat(40), dataDir: tempDir() });
    const value = encryptSecret(keys, 'secret', 'user-1');
    expect(() => decryptSecret(keys, value, 'user-2')).toThrow();
    expect(() => decryptSecret(other, value, 'user-1')).toThrow();
    const parts = value.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptSecret(keys, parts.join('.'), 'user-1')).toThrow();
    expect(() => decryptSecret(keys, 'plain-text', 'user-1')).toThrow(/unrecognised/);
  });

  it('without SECRET_KEY creates DATA_DIR/secret.key once, readable by the owner only, and reuses it', () => {
    const dataDir = join(tempDir(), 'nested');
    const keys = loadKeys({ secretKey: null, dataDir });
    const path = join(dataDir, KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const content = readFileSync(path, 'utf8');
    expect(Buffer.from(content.trim(), 'base64url')).toHaveLength(32);
    const sealed = encryptSecret(keys, 'kept', 'ctx');
    // A second process (no cache) reads the same file and the same key.
    expect(decryptSecret(loadKeys({ secretKey: null, dataDir: `${dataDir}/` }), sealed, 'ctx')).toBe('kept');
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('keys the MAC: same input, same value; another key, another value', () => {
    const a = loadKeys({ secretKey: 'm'.repeat(32), dataDir: tempDir() });
    const b = loadKeys({ secretKey: 'n'.repeat(32), dataDir: tempDir() });
    expect(macSecret(a, 'abcd-efgh-jk')).toBe(macSecret(a, 'abcd-efgh-jk'));
    expect(macSecret(a, 'abcd-efgh-jk')).not.toBe(macSecret(b, 'abcd-efgh-jk'));
  });

  it('takes SECRET_KEY from the environment and refuses one shorter than 32 characters', () => {
    expect(loadConfig({}).secretKey).toBeNull();
    expect(loadConfig({ SECRET_KEY: 'k'.repeat(32) }).secretKey).toBe('k'.repeat(32));
    expect(() => loadConfig({ SECRET_KEY: 'short' })).toThrow(ConfigError);
  });
});

describe('the key file under DATA_DIR', () => {
  it('is the same key for processes that start together on an empty folder', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const module = fileURLToPath(new URL('./crypto.ts', import.meta.url));
    const script = `import { loadKeys } from ${JSON.stringify(module)};
      console.log(loadKeys({ secretKey: null, dataDir: ${JSON.stringify(dataDir)} }).encryption.toString('hex'));`;
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
        let out = '';
        let err = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (err += c.toString()));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(err))));
      });
    const keys = await Promise.all(Array.from({ length: 6 }, run));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    // No temporary file is left behind.
    expect(readdirSync(dataDir)).toEqual(['secret.key']);
  });
});
