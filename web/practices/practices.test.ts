import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json' with { type: 'json' };
import es from '../../locales/es.json' with { type: 'json' };
import { Value } from 'typebox/value';
import { PracticeInputSchema } from '../../shared/schemas/practices.js';
import { ApiError } from '../api.js';
import { emptyForm, formFromData, problemFields, toInput } from './formModel.js';
import { practiceErrors } from './problems.js';
import { practiceMarker } from './PracticeText.js';
import type { LocalizedPracticeText } from './types.js';

const intlIn = (locale: string, messages: Record<string, string>) => createIntl({ locale, messages });

function spanishWithFrench() {
  const form = emptyForm('es', 'submitter');
  form.versions.es.text = { title: 'Red', summary: 'Resumen', description: 'Texto', results: '', lessons: '' };
  form.versions.fr = {
    on: true,
    source: 'unofficial',
    text: { title: 'Réseau', summary: '', description: 'Texte', results: 'Ignoré', lessons: '' },
  };
  form.themes = ['prevention'];
  return form;
}

describe('the practice form’s body', () => {
  it('sends the original and each translation with its source, and what the schema accepts', () => {
    const input = toInput(spanishWithFrench());
    expect(input.title).toEqual({
      original: 'es',
      values: { es: { text: 'Red', source: 'submitter' }, fr: { text: 'Réseau', source: 'unofficial' } },
    });
    expect(input.summary.values).toEqual({ es: { text: 'Resumen', source: 'submitter' } });
    // Results without an original are not sent: a translation of nothing would be refused.
    expect(input.results).toBeUndefined();
    expect(Value.Check(PracticeInputSchema, JSON.parse(JSON.stringify(input)))).toBe(true);
  });

  it('drops a translation switched off, and round-trips through the saved data', () => {
    const form = spanishWithFrench();
    form.versions.fr.on = false;
    expect(toInput(form).title.values.fr).toBeUndefined();
    const again = formFromData(toInput(spanishWithFrench()), 'submitter');
    expect(again.versions.fr.on).toBe(true);
    expect(again.versions.fr.source).toBe('unofficial');
    expect(again.original).toBe('es');
  });

  it('keeps what the form does not edit, and replaces the places and presentations it now owns', () => {
    const base = {
      otherPlaces: [{ en: 'Netherlands Antilles' }],
      presentedAt: [{ meeting: 'oas-iom-tip-2005' }],
      source: 'Concept note, 2005',
    };
    const input = toInput(spanishWithFrench(), base);
    expect(input.source).toBe(base.source);
    expect(input.otherPlaces).toEqual([]);
    expect(input.presentedAt).toEqual([]);
  });

  it('sends a place with the names it has, trimmed, and round-trips it', () => {
    const form = spanishWithFrench();
    form.otherPlaces = [
      { en: ' Netherlands Antilles ', es: '', fr: 'Antilles néerlandaises', pt: '' },
      { en: '', es: '', fr: '', pt: '  ' },
    ];
    const input = toInput(form);
    // A place with no name at all is not sent (the form refuses to save it before that).
    expect(input.otherPlaces).toEqual([{ en: 'Netherlands Antilles', fr: 'Antilles néerlandaises' }]);
    expect(Value.Check(PracticeInputSchema, JSON.parse(JSON.stringify(input)))).toBe(true);
    expect(formFromData(input, 'submitter').otherPlaces).toEqual([
      { en: 'Netherlands Antilles', es: '', fr: 'Antilles néerlandaises', pt: '' },
    ]);
  });

  it('sends each presentation with its agenda item or null, and round-trips it', () => {
    const form = spanishWithFrench();
    form.presentedAt = [
      { meeting: 'oas-iom-tip-2005', agendaItem: 'd1-2' },
      { meeting: 'oas-iom-tip-2005', agendaItem: '' },
    ];
    const input = toInput(form);
    expect(input.presentedAt).toEqual([
      { meeting: 'oas-iom-tip-2005', agendaItem: 'd1-2' },
      { meeting: 'oas-iom-tip-2005', agendaItem: null },
    ]);
    expect(Value.Check(PracticeInputSchema, JSON.parse(JSON.stringify(input)))).toBe(true);
    expect(formFromData(input, 'submitter').presentedAt).toEqual(form.presentedAt);
    // Saved without the optional key (as the API may answer), it reads as "no particular item".
    expect(formFromData({ ...input, presentedAt: [{ meeting: 'm' }] }, 'submitter').presentedAt).toEqual([
      { meeting: 'm', agendaItem: '' },
    ]);
  });

  it('points problems in places and presentations at their inputs, on create and on edit', () => {
    const form = spanishWithFrench();
    form.otherPlaces = [
      { en: 'A', es: '', fr: '', pt: '' },
      { en: 'B', es: '', fr: '', pt: '' },
    ];
    form.presentedAt = [{ meeting: 'oas-iom-tip-2005', agendaItem: 'x' }];
    const problem = (fields: Record<string, string>, path: string, reason?: string) =>
      practiceErrors(
        intlIn('en', en),
        new ApiError('validation_failed', 400, 'x', { errors: [{ path, message: 'bad', reason }] }),
        fields,
      );
    const create = problemFields(form, '/data');
    expect(problem(create, 'body/data/otherPlaces/1/fr')[0]?.field).toBe('pf-place-1-fr');
    // A place with no name at all (minProperties) lands on its first name.
    expect(problem(create, 'body/data/otherPlaces/0')[0]?.field).toBe('pf-place-0-en');
    expect(problem(create, 'body/data/presentedAt/0/meeting', 'unknown_meeting')).toEqual([
      { field: 'pf-presented-0-meeting', message: en['practices.error.unknownMeeting'] },
    ]);
    const edit = problemFields(form, '');
    expect(problem(edit, 'body/presentedAt/0/agendaItem', 'unknown_agenda_item')).toEqual([
      { field: 'pf-presented-0-item', message: en['practices.error.unknownAgendaItem'] },
    ]);
    // With no entries, a problem with the whole list lands on its add button.
    const empty = problemFields(spanishWithFrench(), '');
    expect(problem(empty, 'body/otherPlaces')[0]?.field).toBe('pf-place-add');
    expect(problem(empty, 'body/presentedAt')[0]?.field).toBe('pf-presented-add');
  });

  it('points a server problem at the control of the language it is in', () => {
    const fields = problemFields(spanishWithFrench(), '/data');
    const err = new ApiError('validation_failed', 400, 'x', {
      errors: [{ path: 'body/data/title/values/fr/text', message: 'must be at most 300 characters' }],
    });
    expect(practiceErrors(intlIn('en', en), err, fields)).toEqual([
      { field: 'pf-fr-title', message: en['form.error.tooLong'] },
    ]);
  });
});

describe('practice problems and notes in the reader’s language', () => {
  it('puts a refused attachment on the file field', () => {
    const err = new ApiError('unsupported_media_type', 415, 'x', { reason: 'html' });
    expect(practiceErrors(intlIn('es', es), err, {}, 'attachment-file')).toEqual([
      { field: 'attachment-file', message: es['documents.error.file.html'] },
    ]);
  });

  it('says a text falls back to the original, or is an unofficial translation', () => {
    const intl = intlIn('en', en);
    const fallback: LocalizedPracticeText = {
      text: 'Red',
      lang: 'es',
      original: true,
      source: 'submitter',
      fallback: true,
    };
    expect(practiceMarker(fallback, 'en', intl)).toBe('Not available in English; shown in the original Spanish');
    const unofficial = {
      ...fallback,
      lang: 'en' as const,
      original: false,
      source: 'unofficial' as const,
      fallback: false,
    };
    expect(practiceMarker(unofficial, 'en', intl)).toBe('unofficial translation');
    expect(practiceMarker({ ...fallback, lang: 'en', fallback: false }, 'en', intl)).toBeNull();
  });
});
