import type { Lang } from '../../../shared/lang.js';

/**
 * Structured seed files (JSON under server/db/seed/data/). A text in several languages
 * names its original language; the original is official, translations are unofficial
 * unless listed in `official`.
 */
export interface SeedText {
  original: Lang;
  text: Partial<Record<Lang, string>>;
  official?: Lang[];
}

export type Subregion = 'north_america' | 'central_america' | 'caribbean' | 'south_america';
export type Grouping = 'CARICOM' | 'SICA' | 'MERCOSUR' | 'CAN';

export interface SeedMemberState {
  iso3: string;
  iso2: string;
  /** Short names as the OAS uses them in each language. */
  name: Record<Lang, string>;
  subregion: Subregion;
  groupings: Grouping[];
  /** The 34 that took part in 2005; Cuba's government was excluded 1962–2009. */
  participated2005: boolean;
}

export type OrganizationKind =
  | 'oas_organ'
  | 'iom'
  | 'un_agency'
  | 'partner_institution'
  | 'ngo'
  | 'academic'
  | 'government_body'
  | 'intergovernmental';

export interface SeedOrganization {
  /** Stable slug, e.g. "cim", "iom", "eclac". */
  id: string;
  kind: OrganizationKind;
  name: Record<Lang, string>;
  acronym: Record<Lang, string | null>;
  /** ISO3 of the state a government body belongs to. */
  memberState?: string;
  /** Why it is in the seed: where the concept note names it (in French, quoted). */
  mentionedAs: string;
}

export type SectionKind = 'background' | 'description' | 'objectives' | 'expected_results' | 'participants';

export interface SeedSection {
  kind: SectionKind;
  heading: SeedText;
  /** Plain text: paragraphs separated by a blank line; lines starting with "- " are list items. */
  body: SeedText;
  /** The note's footnotes belonging to this section. */
  notes?: SeedText[];
}

export type AgendaPeriod = 'morning' | 'afternoon' | 'evening';
export type AgendaItemKind =
  'opening' | 'regional_report' | 'presentation' | 'screening' | 'discussion' | 'panel' | 'closing';

export type SeedPresenter = { organization: string } | { person: string };

export interface SeedAgendaItem {
  /** Stable across agenda versions; used to compute change logs. */
  key: string;
  number: number;
  kind: AgendaItemKind;
  title: SeedText;
  description?: SeedText;
  presenters?: SeedPresenter[];
  /** Interchangeable options, e.g. the two films of which one is shown. */
  alternatives?: SeedText[];
  startTime?: string;
  endTime?: string;
}

export interface SeedAgendaBlock {
  period: AgendaPeriod;
  theme?: SeedText;
  startTime?: string;
  endTime?: string;
  items: SeedAgendaItem[];
}

export interface SeedAgendaDay {
  date: string;
  blocks: SeedAgendaBlock[];
}

export interface SeedAgenda {
  title: SeedText;
  /** e.g. "ÉBAUCHE" (draft) */
  label?: SeedText;
  days: SeedAgendaDay[];
}

export type MeetingStatus =
  'draft' | 'announced' | 'registration_open' | 'registration_closed' | 'in_session' | 'concluded';

export interface SeedMeeting {
  slug: string;
  title: SeedText;
  /** Organisers' names as the header of the agenda gives them. */
  organizers: string[];
  startDate: string;
  endDate: string;
  timeZone: string;
  venue: SeedText | null;
  status: MeetingStatus;
  defaultSessionHours: Partial<Record<AgendaPeriod, { start: string; end: string }>>;
  conceptNote: SeedSection[];
  agenda: SeedAgenda;
}
