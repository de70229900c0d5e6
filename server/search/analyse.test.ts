import { describe, expect, it } from 'vitest';
import { analyse, analyseQuery, fold } from './analyse.js';

/** Whether a query would match the text on terms alone (what both engines then look up). */
const matches = (query: string, text: string, lang: 'en' | 'es' | 'fr' | 'pt') => {
  const indexed = new Set(analyse(text, lang).split(' '));
  return analyseQuery(query, lang).every((alternatives) => alternatives.some((t) => indexed.has(t)));
};

describe('text analysis for search', () => {
  it('folds case and diacritics', () => {
    expect(fold('Explotación ÉLÈVES São Tomé')).toBe('explotacion eleves sao tome');
  });

  it.each([
    ['es', 'explotacion', 'La explotación laboral'],
    ['es', 'explotación', 'formas de explotaciones'],
    ['es', 'niño', 'niños y niñas'],
    ['fr', 'enfant', 'la traite des enfants'],
    ['fr', 'exploitées', 'exploitation sexuelle'],
    ['pt', 'exploracao', 'exploração sexual'],
    ['pt', 'criança', 'proteção das crianças'],
    ['en', 'trafficked', 'trafficking in persons'],
  ] as const)('%s: "%s" finds "%s"', (lang, query, text) => {
    expect(matches(query, text, lang)).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(matches('enfants travail', 'la traite des enfants', 'fr')).toBe(false);
  });

  it('keeps only letters and digits, so no query word can be read as search syntax', () => {
    const terms = analyseQuery('"traite" OR NEAR(x) -enfant* ^col:val', 'fr').flat();
    for (const t of terms) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });
});
