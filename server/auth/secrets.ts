import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for a cookie, a link or a script: 256 bits, URL-safe. */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * Tokens are stored as SHA-256: they are long and random, so a fast hash is enough, and a leaked
 * table yields nothing usable. (Passwords, being guessable, use argon2id instead.)
 */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
