import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  generateTotpSecret,
  hotp,
  otpauthUrl,
  totpAt,
  verifyTotp,
  type TotpAlgorithm,
} from './totp.js';

// RFC 6238 Appendix B: the seeds are ASCII digits repeated to the hash's block-friendly length.
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};
const VECTORS: [number, Record<TotpAlgorithm, string>][] = [
  [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('matches the RFC 6238 test vectors at T=%i', (time, expected) => {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      expect(totpAt(SEEDS[algorithm], time, 8, algorithm)).toBe(expected[algorithm]);
    }
  });

  it('matches the RFC 4226 HOTP vectors (6 digits)', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871'];
    expect(expected.map((_, counter) => hotp(SEEDS.sha1, counter))).toEqual(expected);
  });

  it('round-trips base32 and makes 160-bit secrets', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(base32Decode('mzxw 6ytb-oi').toString()).toBe('foobar');
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(() => base32Decode('not-base32!')).toThrow();
  });

  it('accepts the current step and one either side, nothing further, and says which step matched', () => {
    const secret = base32Encode(SEEDS.sha1);
    const now = 1111111111_000;
    const at = (seconds: number) => totpAt(SEEDS.sha1, seconds);
    expect(verifyTotp(secret, at(1111111111), now)).toBe(Math.floor(1111111111 / 30));
    expect(verifyTotp(secret, at(1111111111 - 30), now)).toBe(Math.floor(1111111111 / 30) - 1);
    expect(verifyTotp(secret, at(1111111111 + 30), now)).toBe(Math.floor(1111111111 / 30) + 1);
    expect(verifyTotp(secret, at(1111111111 - 60), now)).toBeNull();
    expect(verifyTotp(secret, at(1111111111 + 60), now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('builds an otpauth URI with issuer and account', () => {
    const url = new URL(otpauthUrl('Continental', 'ana@example.org', 'ABC'));
    expect(url.protocol).toBe('otpauth:');
    expect(url.host).toBe('totp');
    expect(decodeURIComponent(url.pathname)).toBe('/Continental:ana@example.org');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      secret: 'ABC',
      issuer: 'Continental',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
