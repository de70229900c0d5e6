import { describe, it, expect } from 'vitest';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { intlFor } from '../../i18n.js';
import { renderParticipantListPdf } from './list-pdf.js';
import type { ListedParticipant, ListSection, ParticipantList } from './types.js';

async function pages(pdf: Buffer): Promise<string[]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(doc, { mergePages: false })).text;
}

async function textOf(list: ParticipantList): Promise<string> {
  return (await pages(await renderParticipantListPdf(list))).join('\n');
}

function person(overrides: Partial<ListedParticipant> = {}): ListedParticipant {
  return {
    registrationId: 'r-1',
    title: 'M.',
    givenName: 'Łukasz',
    familyName: 'Wiśniewski',
    position: 'Directeur des affaires consulaires',
    institution: 'Ministère des Affaires étrangères',
    category: 'Gouvernement',
    isHead: false,
    email: 'lukasz@example.org',
    phone: '+1 (202) 555-0100',
    ...overrides,
  };
}

function list(overrides: Partial<ParticipantList> = {}): ParticipantList {
  return {
    lang: 'fr',
    meetingTitle: 'Réunion continentale OEA/OIM sur la traite des personnes',
    dateRange: '6–8 avril 2005',
    generatedAt: new Date('2005-03-15T15:00:00Z'),
    withContacts: false,
    sections: [
      {
        group: 'member_states',
        heading: 'Argentine',
        participants: [
          person({ title: 'Mme', givenName: 'María', familyName: 'Ñúñez', isHead: true }),
          person({ registrationId: 'r-2', title: null, givenName: 'Łukasz', familyName: 'Wiśniewski' }),
        ],
      },
      {
        group: 'member_states',
        heading: 'Canada',
        participants: [person({ registrationId: 'r-3', givenName: 'Дмитрий', familyName: 'Иванов', position: null })],
      },
      {
        group: 'experts',
        heading: 'Experts',
        participants: [
          person({
            registrationId: 'r-4',
            title: 'Mme',
            givenName: 'Ελένη',
            familyName: 'Παπαδοπούλου',
            institution: 'Πανεπιστήμιο Αθηνών',
          }),
        ],
      },
    ],
    ...overrides,
  };
}

describe('renderParticipantListPdf', () => {
  it('prints the translated title, the meeting and every person in any script', async () => {
    const text = await textOf(list());
    const fr = intlFor('fr');

    expect(text).toContain('Liste des participants');
    expect(text).toContain('Réunion continentale OEA/OIM sur la traite des personnes');
    expect(text).toContain('6–8 avril 2005');
    expect(text).toContain('Mme María ÑÚÑEZ');
    expect(text).toContain('Łukasz WIŚNIEWSKI');
    expect(text).toContain('M. Дмитрий ИВАНОВ');
    // Greek capitals drop their accents.
    expect(text).toContain('Mme Ελένη ΠΑΠΑΔΟΠΟΥΛΟΥ');
    expect(text).toContain('Πανεπιστήμιο Αθηνών');
    expect(text).toContain('Directeur des affaires consulaires, Ministère des Affaires étrangères');
    expect(text).toContain(fr.formatMessage({ id: 'participants.group.member_states' }));
    expect(text).toContain('Générée le 15 mars 2005');
    expect(text).toContain(fr.formatMessage({ id: 'doc.page' }, { page: 1, pages: 1 }));
  });

  it('marks the head of delegation beside the name, and only them', async () => {
    const text = await textOf(list());
    const head = intlFor('fr').formatMessage({ id: 'participants.head' });
    expect(text).toMatch(new RegExp(`Mme María ÑÚÑEZ\\s*—\\s*${head}`));
    expect(text.split(head)).toHaveLength(2);
  });

  it('prints the sections in the given order, the experts heading once', async () => {
    const text = await textOf(list());
    const order = ['États membres', 'Argentine', 'ÑÚÑEZ', 'WIŚNIEWSKI', 'Canada', 'ИВАНОВ', 'Experts', 'ΠΑΠΑΔΟΠΟΥΛΟΥ'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.match(/Experts/g)).toHaveLength(1);
  });

  it('shows contacts and a confidentiality note only in the full list', async () => {
    const fr = intlFor('fr');
    // Text extraction reads the no-break space before the French colon as a plain space.
    const note = fr.formatMessage({ id: 'participants.list.confidential' }).replaceAll('\u00a0', ' ');

    const publicText = await textOf(list());
    expect(publicText).not.toContain('lukasz@example.org');
    expect(publicText).not.toContain('555-0100');
    expect(publicText).not.toContain(note);

    const fullText = await textOf(list({ withContacts: true }));
    expect(fullText).toContain('lukasz@example.org');
    expect(fullText).toContain('+1 (202) 555-0100');
    expect(fullText).toContain(note);
  });

  it('says so when nobody is on the list', async () => {
    const text = await textOf(list({ lang: 'pt', sections: [] }));
    expect(text).toContain(intlFor('pt').formatMessage({ id: 'participants.list.empty' }));
    expect(text).toContain('Lista de participantes');
  });

  it('numbers every page and never leaves a delegation heading alone at the bottom of a page', async () => {
    // Delegations of one to three people so headings land at every height of the page.
    const sections: ListSection[] = Array.from({ length: 40 }, (_, s) => ({
      group: 'member_states',
      heading: `Délégation ${String(s + 1).padStart(2, '0')}`,
      participants: Array.from({ length: (s % 3) + 1 }, (_, i) =>
        person({ registrationId: `r-${s}-${i}`, givenName: 'Élodie', familyName: `Nom${s + 1}x${i + 1}` }),
      ),
    }));
    const perPage = await pages(await renderParticipantListPdf(list({ lang: 'es', withContacts: true, sections })));
    const es = intlFor('es');

    expect(perPage.length).toBeGreaterThan(2);
    perPage.forEach((page, i) => {
      expect(page).toContain(es.formatMessage({ id: 'doc.page' }, { page: i + 1, pages: perPage.length }));
      expect(page).toContain('Generada el 15 de marzo de 2005');
    });
    sections.forEach((section, s) => {
      const page = perPage.findIndex((p) => p.includes(section.heading));
      expect(page, section.heading).toBeGreaterThanOrEqual(0);
      expect(perPage[page], `${section.heading} has its first person with it`).toContain(`NOM${s + 1}X1`);
    });
    // Everyone is there, the last one included.
    expect(perPage.join('\n')).toContain('Élodie NOM40X1');
  });

  it('sets title and language metadata, and renders the same list to the same bytes', async () => {
    const first = await renderParticipantListPdf(list());
    const { info } = await getMeta(new Uint8Array(first));
    expect(info.Title).toContain('Réunion continentale OEA/OIM');
    expect(info.Title).toContain('Liste des participants');
    expect(info.Language).toBe('fr');

    const again = await renderParticipantListPdf(list());
    expect(again.equals(first)).toBe(true);
  });
});
