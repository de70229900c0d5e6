import { describe, expect, it } from 'vitest';
import { safeNext } from './next.js';

const ORIGIN = 'https://continental.example.org';

describe('where sign-in leads (open-redirect attempts)', () => {
  it('follows a path on this site, with its query and fragment', () => {
    expect(safeNext('/fr/admin/users?role=secretariat#top', 'fr', ORIGIN)).toBe('/fr/admin/users?role=secretariat#top');
  });

  it('goes home instead of to another origin, however the address is disguised', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example'.replace('%2F%2F', '/\t/'),
      'javascript:alert(1)',
      ' /fr',
      '/fr\u0000/x',
      'evil.example',
      '',
      null,
    ]) {
      expect(safeNext(next, 'es', ORIGIN), String(next)).toBe('/es');
    }
  });

  it('does not loop back to the sign-in page', () => {
    expect(safeNext('/pt/sign-in?next=/pt/account', 'pt', ORIGIN)).toBe('/pt');
  });
});
