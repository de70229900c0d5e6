import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeNull();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.publicUrl).toBe('http://localhost:3000');
  });

  it('takes PORT, DATA_DIR, DATABASE_URL and PUBLIC_URL from the environment', () => {
    const c = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/continental',
      DATABASE_URL: 'postgres://u:p@db:5432/continental',
      PUBLIC_URL: 'https://continental.oas.org/',
    });
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/srv/continental',
      databaseUrl: 'postgres://u:p@db:5432/continental',
      publicUrl: 'https://continental.oas.org',
    });
  });

  it('keeps files under DATA_DIR unless an S3 bucket is configured', () => {
    expect(loadConfig({}).s3).toBeNull();
    expect(
      loadConfig({ S3_BUCKET: 'docs', S3_ENDPOINT: 'https://minio.example.org', S3_PREFIX: 'continental' }).s3,
    ).toMatchObject({ bucket: 'docs', prefix: 'continental/', forcePathStyle: true, region: 'us-east-1' });
    expect(loadConfig({ S3_BUCKET: 'docs' }).s3).toMatchObject({ endpoint: null, forcePathStyle: false });
    expect(() => loadConfig({ S3_BUCKET: 'docs', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ S3_BUCKET: 'docs', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY/);
  });

  it('stops at boot on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
