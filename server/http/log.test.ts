import { describe, expect, it } from 'vitest';
import { redactUrl } from './log.js';

describe('request log', () => {
  it('keeps the route of single-use links but not their token', () => {
    expect(redactUrl('/fr/invitation/abcDEF123_-xyz')).toBe('/fr/invitation/[redacted]');
    expect(redactUrl('/api/invitations/abcDEF123?x=1')).toBe('/api/invitations/[redacted]?x=1');
    expect(redactUrl('/api/password-reset/tok3n')).toBe('/api/password-reset/[redacted]');
    expect(redactUrl('/es/reset/tok3n')).toBe('/es/reset/[redacted]');
    expect(redactUrl('/api/meetings/oas-iom-tip-2005/agenda?lang=fr')).toBe(
      '/api/meetings/oas-iom-tip-2005/agenda?lang=fr',
    );
  });
});
