import { resolve } from 'node:path';
import type { S3Settings } from './files/store.js';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Absolute origin used to build links in calendars, mail and documents; never the request's Host. */
  publicUrl: string;
  logLevel: string;
  /** Serve the built web app from dist/web (off in API-only tests). */
  serveWeb: boolean;
  session: { idleMinutes: number; maxHours: number };
  /** Proxies whose X-Forwarded-* headers are believed (comma-separated addresses/CIDRs); none by default. */
  trustProxy: string[];
  /** smtp(s)://user:pass@host:port; unset: mail goes to the development outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Master key for secrets encrypted at rest (32+ characters); unset: a key file under DATA_DIR. */
  secretKey: string | null;
  /** An S3-compatible bucket for uploaded and generated files; null: files under DATA_DIR/files. */
  s3: S3Settings | null;
  /** Smallest count published from state reports; 1..k−1 shows as "<k" (UNODC uses 5, CTDC 11). */
  statsMinCell: number;
}

export class ConfigError extends Error {}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

/** Reads and validates the environment once, at boot: a typo should stop the server, not surface later. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer('PORT', env.PORT, 3000, 0, 65535);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    const u = new URL(publicUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${publicUrl}"`);
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent`);
  }
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const secretKey = env.SECRET_KEY?.trim() || null;
  if (secretKey !== null && secretKey.length < 32) throw new ConfigError('SECRET_KEY must have at least 32 characters');
  return {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    publicUrl,
    logLevel,
    serveWeb: env.SERVE_WEB !== '0',
    session: {
      idleMinutes: integer('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 120, 1, 7 * 24 * 60),
      maxHours: integer('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12, 1, 24 * 30),
    },
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Continental <no-reply@localhost>',
    secretKey,
    s3: s3Settings(env),
    statsMinCell: integer('STATS_MIN_CELL', env.STATS_MIN_CELL, 5, 1, 1000),
  };
}

function s3Settings(env: NodeJS.ProcessEnv): S3Settings | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const endpoint = env.S3_ENDPOINT?.trim() || null;
  if (endpoint && !/^https?:\/\//.test(endpoint)) throw new ConfigError('S3_ENDPOINT must be an http(s) URL');
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || null;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || null;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  }
  const prefix = env.S3_PREFIX?.trim() ?? '';
  return {
    bucket,
    endpoint,
    region: env.S3_REGION?.trim() || 'us-east-1',
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    accessKeyId,
    secretAccessKey,
    // Self-hosted stores (MinIO, Garage) want path-style URLs; AWS itself wants virtual hosts.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== '0' : endpoint !== null,
  };
}
