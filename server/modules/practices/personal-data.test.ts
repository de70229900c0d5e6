import { describe, expect, it } from 'vitest';
import type { PracticeInput } from '../../../shared/schemas/practices.js';
import { personalDataWarnings } from './personal-data.js';

const practice = (description: string, lang: 'en' | 'es' | 'fr' | 'pt' = 'en'): PracticeInput => ({
  title: { original: lang, values: { [lang]: { text: 'Shelter network', source: 'submitter' } } },
  summary: { original: lang, values: { [lang]: { text: 'A network of shelters.', source: 'submitter' } } },
  description: { original: lang, values: { [lang]: { text: description, source: 'submitter' } } },
  themes: ['protection'],
});
const kinds = (text: string, lang?: 'en' | 'es' | 'fr' | 'pt') =>
  personalDataWarnings(practice(text, lang)).map((w) => w.kind);

describe('warnings before publication', () => {
  it.each([
    ['Write to maria.perez@example.org for details.', 'en', 'email'],
    ['Call +1 (202) 555-0100 any day.', 'en', 'phone'],
    ['Appeler le 01 45 67 89 10.', 'fr', 'phone'],
    ['The victim, Maria Gonzalez, was 16.', 'en', 'victim_name'],
    ['La víctima llamada Ana fue rescatada.', 'es', 'victim_name'],
    ['Une victime nommée Claire a témoigné.', 'fr', 'victim_name'],
    ['A vítima, Joana Silva, recebeu apoio.', 'pt', 'victim_name'],
    ['She was born on 12/03/1988 in Lima.', 'en', 'birth_date'],
    ['née le 3 mars 1990 à Port-au-Prince', 'fr', 'birth_date'],
    ['nacida el 5 de mayo de 1992', 'es', 'birth_date'],
  ] as const)('flags %s', (text, lang, kind) => {
    expect(kinds(text, lang)).toContain(kind);
  });

  it('says where: field, language and the words around it', () => {
    const [warning] = personalDataWarnings(practice('Write to maria.perez@example.org for details.'));
    expect(warning).toMatchObject({ field: 'description', lang: 'en', kind: 'email' });
    expect(warning?.excerpt).toContain('maria.perez@example.org');
  });

  it.each([
    'Since 2004, with the Bahamas, Barbados, Guyana, Jamaica and Suriname.',
    'Research in nine countries (1999-2004) on victims of trafficking.',
    'Victims of Trafficking and Violence Protection Act of 2000.',
    'Trained 1,250 officers in 2005.',
  ])('does not flag ordinary text: %s', (text) => {
    expect(kinds(text)).toEqual([]);
  });
});
