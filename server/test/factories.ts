import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { seedMeeting, seedReference } from '../db/seed/seed.js';
import type { SeedMeeting, SeedText } from '../db/seed/types.js';

let counter = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const fr = (text: string, translations: Partial<Record<'en' | 'es' | 'pt', string>> = {}): SeedText => ({
  original: 'fr',
  text: { fr: text, ...translations },
});

/** A small meeting in the shape of the 2005 one: French original, two days, numbered items. */
export function buildSeedMeeting(overrides: Partial<SeedMeeting> = {}): SeedMeeting {
  return {
    slug: `meeting-${unique()}`,
    title: fr('Réunion d’essai', { en: 'Test meeting', es: 'Reunión de prueba', pt: 'Reunião de teste' }),
    organizers: ['cim', 'iom'],
    startDate: '2005-04-06',
    endDate: '2005-04-07',
    timeZone: 'America/New_York',
    venue: null,
    status: 'announced',
    defaultSessionHours: { morning: { start: '09:00', end: '12:30' }, afternoon: { start: '14:30', end: '18:00' } },
    conceptNote: [
      {
        kind: 'objectives',
        heading: fr('Objectifs', { en: 'Objectives', es: 'Objetivos', pt: 'Objetivos' }),
        body: fr('- Échanger des informations\n- Renforcer la coopération', {
          en: '- Exchange information\n- Strengthen cooperation',
        }),
        notes: [fr('Une note.', { en: 'A note.' })],
      },
    ],
    agenda: {
      title: fr('Projet d’ordre du jour', {
        en: 'Draft agenda',
        es: 'Proyecto de orden del día',
        pt: 'Projeto de ordem do dia',
      }),
      label: fr('ÉBAUCHE', { en: 'DRAFT', es: 'BORRADOR', pt: 'MINUTA' }),
      days: [
        {
          date: '2005-04-06',
          blocks: [
            {
              period: 'morning',
              items: [
                {
                  key: 'd1-1',
                  number: 1,
                  kind: 'opening',
                  title: fr('Allocution d’ouverture', {
                    en: 'Opening address',
                    es: 'Palabras de apertura',
                    pt: 'Discurso de abertura',
                  }),
                  presenters: [{ organization: 'iom' }],
                },
                {
                  key: 'd1-2',
                  number: 2,
                  kind: 'regional_report',
                  title: fr('Rapports des régions', { en: 'Reports from the regions' }),
                },
              ],
            },
            {
              period: 'afternoon',
              startTime: '15:00',
              endTime: '17:00',
              items: [
                {
                  key: 'd1-3',
                  number: 3,
                  kind: 'screening',
                  title: fr('Présentation d’un vidéo et discussion', { en: 'Video screening and discussion' }),
                  alternatives: [
                    { original: 'en', text: { en: 'Lilya 4-ever' } },
                    { original: 'en', text: { en: 'Dying to Leave' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          date: '2005-04-07',
          blocks: [
            {
              period: 'morning',
              theme: fr('La pauvreté comme facteur', { en: 'Poverty as a factor' }),
              items: [
                {
                  key: 'd2-1',
                  number: 1,
                  kind: 'discussion',
                  title: fr('Stratégies de prévention', { en: 'Prevention strategies' }),
                },
                {
                  key: 'd2-2',
                  number: 2,
                  kind: 'closing',
                  title: fr('Clôture de la réunion', { en: 'Closing of the meeting' }),
                },
              ],
            },
          ],
        },
      ],
    },
    ...overrides,
  };
}

/** Reference data plus one meeting with version 1 of its agenda published. */
export async function createMeeting(db: Kysely<DB>, overrides: Partial<SeedMeeting> = {}): Promise<SeedMeeting> {
  await seedReference(db);
  const seed = buildSeedMeeting(overrides);
  await seedMeeting(db, seed);
  return seed;
}
