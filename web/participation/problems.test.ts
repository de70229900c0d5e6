import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import { ApiError } from '../api.js';
import { participationErrors } from './problems.js';

const intlIn = (locale: string, messages: Record<string, string>) => createIntl({ locale, messages });

describe('registration problems in the reader’s language', () => {
  it('says which category is full, from the problem’s extensions', () => {
    const err = new ApiError('quota_exceeded', 409, 'No place left', {
      extensions: { category: 'government', limit: 2 },
    });
    const [problem] = participationErrors(intlIn('es', es), err, { '/category': 'nominate-category' });
    expect(problem?.field).toBe('nominate-category');
    expect(problem?.message).toContain('Gobierno');
    expect(problem?.message).toContain('2');
  });

  it('translates field problems by their reason, not by the English sentence', () => {
    const err = new ApiError('unprocessable', 422, 'x', {
      errors: [{ path: 'body/organizationId', message: 'anything at all', reason: 'not_accredited' }],
    });
    const [problem] = participationErrors(intlIn('en', en), err, { '/organizationId': 'nominate-org' });
    expect(problem).toEqual({ field: 'nominate-org', message: en['participation.error.orgNotAccredited'] });
  });

  it('falls back to the code’s sentence for a reason it does not know', () => {
    const err = new ApiError('unprocessable', 422, 'x', {
      errors: [{ path: 'body/memberState', message: 'is required', reason: 'something_new' }],
    });
    const [problem] = participationErrors(intlIn('en', en), err, {});
    expect(problem?.message).toBe(en['error.unprocessable']);
  });
});
