import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** OWASP's argon2id baseline (m=19 MiB, t=2, p=1), the library's defaults, stated so they don't drift. */
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/**
 * Length 8–128 (NIST 800-63B), not one of the most common passwords, not the email itself.
 * `field` names the body property in the problem's `errors` (e.g. `newPassword`).
 */
export function checkPasswordPolicy(password: string, email?: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw new AppError('validation_failed', `A password has ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`, {
      errors: [{ path: `/${field}`, message: 'length' }],
      reason: 'password_length',
    });
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || (email && lower === email.toLowerCase())) {
    throw new AppError('validation_failed', 'This password is too common; choose another.', {
      errors: [{ path: `/${field}`, message: 'common' }],
      reason: 'password_common',
    });
  }
}

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
/** Spends the same time as a real check when the account does not exist, so timing reveals nothing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('continental-dummy-password');
  await verifyPassword(await dummy, password);
  return false;
}
