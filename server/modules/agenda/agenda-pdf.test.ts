import { describe, it, expect } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import type { Agenda } from '../../../shared/schemas/agenda.js';
import { intlFor } from '../../i18n.js';
import { renderAgendaPdf } from './agenda-pdf.js';
import { buildAgenda, buildBlock, buildItem, localized, unofficial } from './agenda-fixture.test-helper.js';

async function pages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: false })).text;
}

async function textOf(agenda: Agenda, venue: string | null = null): Promise<string> {
  return (await pages(await renderAgendaPdf(agenda, { venue }))).join('\n');
}

/** The demo's shape in English: French originals read through unofficial translations. */
function englishAgenda(): Agenda {
  const agenda = buildAgenda({
    lang: 'en',
    title: unofficial('Draft agenda', 'en'),
    version: { number: 2, label: unofficial('DRAFT', 'en'), publishedAt: '2005-03-15T15:00:00.000Z' },
  });
  agenda.days[0]!.blocks[0]!.items[0]!.title = unofficial('Opening address', 'en');
  return agenda;
}

describe('renderAgendaPdf', () => {
  it('prints the French agenda with accents intact and French day names', async () => {
    const agenda = buildAgenda();
    const text = await textOf(agenda);
    const fr = intlFor('fr');

    for (const title of ['Allocution d’ouverture', 'Stratégies de prévention', 'Clôture de la réunion']) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Réunion continentale OEA/OIM');
    expect(text).toContain('ÉBAUCHE');
    expect(text).toContain('« Lilya 4-ever »');
    expect(text).toContain('mercredi 6 avril 2005');
    expect(text).toContain('vendredi 8 avril 2005');
    expect(text).toContain(fr.formatMessage({ id: 'agenda.version' }, { number: 1 }));
    expect(text).toContain(fr.formatMessage({ id: 'agenda.timesIndicative' }));
    expect(text).toContain(fr.formatMessage({ id: 'agenda.presentersList' }, { names: 'OEA et OIM' }));
    expect(text).toContain(fr.formatMessage({ id: 'agenda.venueTbc' }));
    expect(text).toContain('Page 1');
    // Everything is the official original: no translation note.
    expect(text).not.toContain(fr.formatMessage({ id: 'agenda.unofficialTranslation' }));
  });

  it('prints English dates, the venue and a note on unofficial translations', async () => {
    const agenda = englishAgenda();
    const text = await textOf(agenda, 'OAS headquarters, Washington, D.C.');
    const en = intlFor('en');

    expect(text).toContain('Wednesday, April 6, 2005');
    expect(text).toContain('Opening address');
    expect(text).toContain('DRAFT');
    expect(text).toContain(en.formatMessage({ id: 'agenda.version' }, { number: 2 }));
    expect(text).toContain('OAS headquarters, Washington, D.C.');
    expect(text).not.toContain(en.formatMessage({ id: 'agenda.venueTbc' }));
    expect(text).toContain(en.formatMessage({ id: 'agenda.unofficialTranslation' }));
    expect(text).toContain(en.formatMessage({ id: 'doc.page' }, { page: 1, pages: 1 }));
  });

  it('says which language a text falls back to when it has no translation yet', async () => {
    const agenda = englishAgenda();
    agenda.days[1]!.blocks[0]!.items[0]!.title = localized('Stratégies de prévention', { fallback: true });
    const text = await textOf(agenda);

    expect(text).toContain('Stratégies de prévention');
    expect(text).toContain(intlFor('en').formatMessage({ id: 'agenda.fallbackLanguage' }, { language: 'French' }));
  });

  it('numbers every page of a long agenda "Page x of y"', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      buildItem({
        number: i + 1,
        title: localized(`Stratégies de coopération nº ${i + 1}`),
        description: localized('Échanges d’expériences réussies entre États'),
      }),
    );
    const agenda = buildAgenda({ lang: 'es', days: [{ date: '2005-04-07', blocks: [buildBlock({ items: many })] }] });
    const perPage = await pages(await renderAgendaPdf(agenda, { venue: null }));
    const es = intlFor('es');

    expect(perPage.length).toBeGreaterThan(1);
    perPage.forEach((page, i) => {
      expect(page).toContain(es.formatMessage({ id: 'doc.page' }, { page: i + 1, pages: perPage.length }));
    });
    expect(perPage.join('\n')).toContain('jueves, 7 de abril de 2005');
    expect(perPage.join('\n')).toContain('Stratégies de coopération nº 40');
  });

  it('keeps items with their own times on the page beside their title', async () => {
    const agenda = buildAgenda();
    agenda.days[0]!.blocks[1]!.items.push(
      buildItem({ number: 4, title: localized('Débat'), startTime: '16:00', endTime: '17:00' }),
    );
    expect(await textOf(agenda)).toMatch(/Débat\s+\(16:00\s*–\s*17:00\)/);
  });

  it('sets title and language metadata, and renders the same version to the same bytes', async () => {
    const agenda = buildAgenda();
    const first = await renderAgendaPdf(agenda, { venue: null });
    const { info } = await getMeta(new Uint8Array(first));
    expect(info.Title).toContain(agenda.meeting.title.text);
    expect(info.Title).toContain(agenda.title.text);
    expect(info.Language).toBe('fr');

    const again = await renderAgendaPdf(agenda, { venue: null });
    expect(again.equals(first)).toBe(true);
  });
});
