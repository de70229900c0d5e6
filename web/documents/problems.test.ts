import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import fr from '../../locales/fr.json' with { type: 'json' };
import { ApiError } from '../api.js';
import { documentErrors } from './problems.js';
import { byAgendaItem, type DocumentSummary } from './types.js';

const intlIn = (locale: string, messages: Record<string, string>) => createIntl({ locale, messages });

describe('document problems in the reader’s language', () => {
  it('puts a refused upload on the file field, with the server’s reason', () => {
    const err = new ApiError('unsupported_media_type', 415, 'x', { reason: 'truncated' });
    expect(documentErrors(intlIn('fr', fr), err, {}, { file: 'upload-file' })).toEqual([
      { field: 'upload-file', message: fr['documents.error.file.truncated'] },
    ]);
  });

  it('says a file too large, whatever answered 413', () => {
    const err = new ApiError('payload_too_large', 413, 'x');
    expect(documentErrors(intlIn('en', en), err, {}, { file: 'upload-file' })).toEqual([
      { field: 'upload-file', message: en['documents.error.file.tooLarge'] },
    ]);
  });

  it('points a taken symbol at the field that gave it', () => {
    const err = new ApiError('conflict', 409, 'x', { reason: 'symbol_taken' });
    const [problem] = documentErrors(intlIn('en', en), err, {}, { reasonField: { symbol_taken: 'issue-symbol' } });
    expect(problem).toEqual({ field: 'issue-symbol', message: en['documents.error.symbolTaken'] });
  });

  it('translates field problems by reason and places them by path', () => {
    const err = new ApiError('validation_failed', 400, 'x', {
      errors: [{ path: 'body/agendaItemKey', message: 'is not an item', reason: 'unknown_agenda_item' }],
    });
    expect(documentErrors(intlIn('en', en), err, { '/agendaItemKey': 'doc-item' })).toEqual([
      { field: 'doc-item', message: en['documents.error.unknownItem'] },
    ]);
  });
});

describe('agenda materials', () => {
  it('groups documents by agenda item, keeping their order and leaving out the unattached', () => {
    const doc = (id: string, agendaItemKey: string | null) => ({ id, agendaItemKey }) as DocumentSummary;
    const groups = byAgendaItem([doc('a', 'd1-1'), doc('b', null), doc('c', 'd1-1'), doc('d', 'd2-1')]);
    expect([...groups.keys()]).toEqual(['d1-1', 'd2-1']);
    expect(groups.get('d1-1')?.map((d) => d.id)).toEqual(['a', 'c']);
  });
});
