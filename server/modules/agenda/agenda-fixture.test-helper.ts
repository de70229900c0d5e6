import type { Agenda, AgendaBlock, AgendaItem } from '../../../shared/schemas/agenda.js';
import type { LocalizedText } from '../../../shared/schemas/text.js';

let sequence = 0;
const unique = (prefix: string): string => `${prefix}-${++sequence}`;

/** A text as written: French original, official. Override to make a translation or a fallback. */
export function localized(text: string, overrides: Partial<LocalizedText> = {}): LocalizedText {
  return { text, lang: 'fr', original: true, official: true, fallback: false, ...overrides };
}

/** An unofficial translation into `lang`, the way the demo's en/es/pt texts are marked. */
export function unofficial(text: string, lang: LocalizedText['lang']): LocalizedText {
  return { text, lang, original: false, official: false, fallback: false };
}

export function buildItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    key: unique('item'),
    number: 1,
    kind: 'presentation',
    title: localized('Présentation'),
    description: null,
    presenters: [],
    alternatives: [],
    startTime: null,
    endTime: null,
    ...overrides,
  };
}

export function buildBlock(overrides: Partial<AgendaBlock> = {}): AgendaBlock {
  return {
    period: 'morning',
    theme: null,
    startTime: '09:00',
    endTime: '12:30',
    timesIndicative: true,
    items: [buildItem()],
    ...overrides,
  };
}

/**
 * A three-day agenda in French shaped like the concept note's draft: accents in every title,
 * indicative (default) session hours, organisations as presenters.
 */
export function buildAgenda(overrides: Partial<Agenda> = {}): Agenda {
  const version = { number: 1, label: localized('ÉBAUCHE'), publishedAt: '2005-03-01T15:00:00.000Z' };
  return {
    meeting: {
      slug: unique('reunion-continentale'),
      title: localized('Réunion continentale OEA/OIM sur la traite des personnes'),
      timeZone: 'America/New_York',
    },
    lang: 'fr',
    title: localized('Projet d’ordre du jour'),
    version,
    latestVersion: version.number,
    versions: [version],
    changes: [],
    days: [
      {
        date: '2005-04-06',
        blocks: [
          buildBlock({
            period: 'morning',
            items: [
              buildItem({
                number: 1,
                kind: 'opening',
                title: localized('Allocution d’ouverture'),
                description: localized('Historique, mandats et objectifs de la réunion'),
                presenters: [
                  { type: 'organization', id: 'oas', name: 'Organisation des États américains', acronym: 'OEA' },
                  {
                    type: 'organization',
                    id: 'iom',
                    name: 'Organisation internationale pour les migrations',
                    acronym: 'OIM',
                  },
                ],
              }),
              buildItem({ number: 2, kind: 'regional_report', title: localized('Rapports des régions') }),
            ],
          }),
          buildBlock({
            period: 'afternoon',
            startTime: '14:00',
            endTime: '17:30',
            items: [
              buildItem({
                number: 3,
                kind: 'screening',
                title: localized('Présentation d’une vidéo et discussion'),
                alternatives: [localized('« Lilya 4-ever »'), localized('« Dying to Leave »')],
              }),
            ],
          }),
        ],
      },
      {
        date: '2005-04-07',
        blocks: [
          buildBlock({
            theme: localized('La pauvreté et le manque de débouchés comme facteurs déclenchants'),
            items: [buildItem({ number: 1, title: localized('Stratégies de prévention') })],
          }),
        ],
      },
      {
        date: '2005-04-08',
        blocks: [
          buildBlock({
            items: [
              buildItem({
                number: 1,
                kind: 'closing',
                title: localized('Clôture de la réunion'),
                presenters: [{ type: 'person', name: 'Présidence de la réunion' }],
              }),
            ],
          }),
        ],
      },
    ],
    ...overrides,
  };
}

/** The same agenda published again under a new version number, nothing else changed. */
export function asVersion(agenda: Agenda, number: number): Agenda {
  const version = {
    ...agenda.version,
    number,
    publishedAt: `2005-03-${String(number).padStart(2, '0')}T15:00:00.000Z`,
  };
  return { ...agenda, version, latestVersion: number, versions: [...agenda.versions, version] };
}
