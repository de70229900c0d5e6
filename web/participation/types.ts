import type { Static } from 'typebox';
import type { Lang } from '../../shared/lang.js';
import type {
  Category,
  CheckInResultSchema,
  CivilSocietyInput,
  CivilSocietyOrganizationSchema,
  CategoryRule,
  Delegation,
  DelegationSummarySchema,
  ParticipationRules,
  ParticipationStatisticsSchema,
  PersonInput,
  Registration,
  RegistrationInput,
  RegistrationStatus,
  RosterEntrySchema,
} from '../../shared/schemas/participation.js';
import { query } from '../api.js';

export type {
  Category,
  CategoryRule,
  CivilSocietyInput,
  Delegation,
  ParticipationRules,
  PersonInput,
  Registration,
  RegistrationInput,
  RegistrationStatus,
};
export type DelegationSummary = Static<typeof DelegationSummarySchema>;
export type Places = Delegation['places'][number];
export type CivilSocietyOrganization = Static<typeof CivilSocietyOrganizationSchema>;
export type CheckInResult = Static<typeof CheckInResultSchema>;
export type RosterEntry = Static<typeof RosterEntrySchema>;
export type Statistics = Static<typeof ParticipationStatisticsSchema>;
export type Counts = Statistics['total'];
export interface RegistrationPage {
  items: Registration[];
  nextCursor: string | null;
  total: number;
}

// The server's lists (shared/schemas/participation.ts), repeated here so the web bundle does not
// carry the schema library; the type checks below fail the build when the two disagree.
export const CATEGORIES = [
  'government',
  'civil_society',
  'permanent_mission',
  'oas_organ',
  'iom',
  'partner_institution',
  'un_agency',
  'expert',
  'ngo',
] as const;
export const STATUSES = ['nominated', 'applied', 'accredited', 'rejected', 'withdrawn', 'substituted'] as const;
export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export const CREDENTIALS_STATUSES = ['missing', 'received', 'verified'] as const;
export const ACCREDITATION_STATUSES = ['accredited', 'pending', 'suspended', 'expired'] as const;
export const CSO_KINDS = ['ngo', 'academic'] as const;
/** Statuses that hold a place (and can be withdrawn, substituted or made head of delegation). */
export const HOLDING: readonly RegistrationStatus[] = ['nominated', 'applied', 'accredited'];
/** Statuses the secretariat decides on. */
export const PENDING: readonly RegistrationStatus[] = ['nominated', 'applied'];
/** The server's largest credentials letter. */
export const CREDENTIALS_MAX_BYTES = 10 * 1024 * 1024;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Person = Registration['person'];
type Org = CivilSocietyOrganization;
const sameLists: [
  Same<(typeof CATEGORIES)[number], Category>,
  Same<(typeof STATUSES)[number], RegistrationStatus>,
  Same<(typeof GENDERS)[number], Person['gender']>,
  Same<(typeof CREDENTIALS_STATUSES)[number], Delegation['credentials']['status']>,
  Same<(typeof ACCREDITATION_STATUSES)[number], Org['accreditation']['status']>,
  Same<(typeof CSO_KINDS)[number], NonNullable<CivilSocietyInput['kind']>>,
] = [true, true, true, true, true, true];
void sameLists;

const enc = encodeURIComponent;
const meeting = (slug: string) => `/api/meetings/${enc(slug)}`;

/** Participation endpoints of the API. */
export const participationUrl = {
  rules: (slug: string) => `${meeting(slug)}/participation-rules`,
  registrations: (slug: string) => `${meeting(slug)}/registrations`,
  registrationList: (slug: string, params: Record<string, string | number | null | undefined>) =>
    `${meeting(slug)}/registrations${query(params)}`,
  decision: (slug: string, id: string, lang: Lang) => `${meeting(slug)}/registrations/${enc(id)}/decision?lang=${lang}`,
  withdrawal: (slug: string, id: string, lang: Lang) =>
    `${meeting(slug)}/registrations/${enc(id)}/withdrawal?lang=${lang}`,
  substitution: (slug: string, id: string, lang: Lang) =>
    `${meeting(slug)}/registrations/${enc(id)}/substitution?lang=${lang}`,
  delegations: (slug: string, lang: Lang) => `${meeting(slug)}/delegations?lang=${lang}`,
  delegation: (slug: string, code: string, lang: Lang) => `${meeting(slug)}/delegations/${enc(code)}?lang=${lang}`,
  credentials: (slug: string, code: string) => `${meeting(slug)}/delegations/${enc(code)}/credentials`,
  credentialsUpload: (slug: string, code: string, fileName: string, lang: Lang) =>
    `${meeting(slug)}/delegations/${enc(code)}/credentials${query({ fileName, lang })}`,
  civilSociety: (country?: string) => `/api/civil-society-organizations${query({ country })}`,
  civilSocietyOrg: (id: string) => `/api/civil-society-organizations/${enc(id)}`,
  participants: (slug: string, format: 'pdf' | 'csv' | 'xlsx', lang: Lang) =>
    `${meeting(slug)}/participants.${format}?lang=${lang}`,
  badges: (slug: string, lang: Lang, memberState?: string) =>
    `${meeting(slug)}/badges.pdf${query({ lang, memberState })}`,
  checkIns: (slug: string, lang: Lang) => `${meeting(slug)}/check-ins?lang=${lang}`,
  roster: (slug: string, lang: Lang) => `${meeting(slug)}/check-in/roster?lang=${lang}`,
  statistics: (slug: string, lang: Lang) => `${meeting(slug)}/participation-statistics?lang=${lang}`,
};

/** Pages of the web app for a meeting's participation. */
export const participationPath = {
  delegations: (lang: Lang, slug: string) => `/${lang}/meetings/${enc(slug)}/delegations`,
  delegation: (lang: Lang, slug: string, code: string) => `/${lang}/meetings/${enc(slug)}/delegations/${enc(code)}`,
  registrations: (lang: Lang, slug: string) => `/${lang}/meetings/${enc(slug)}/registrations`,
  checkIn: (lang: Lang, slug: string) => `/${lang}/meetings/${enc(slug)}/check-in`,
  statistics: (lang: Lang, slug: string) => `/${lang}/meetings/${enc(slug)}/participation-statistics`,
  civilSociety: (lang: Lang) => `/${lang}/civil-society`,
};

/** "Ana PÉREZ": the family name in capitals, as lists of participants write it. */
export function personName(person: { givenName: string; familyName: string }, locale: string): string {
  return `${person.givenName} ${person.familyName.toLocaleUpperCase(locale)}`;
}

/**
 * The URL segment of a registration's delegation: the state's ISO3 or the organisation's id, as
 * its category's rule groups people; null for people who belong to no delegation (experts).
 */
export function delegationCode(
  r: Pick<Registration, 'memberState' | 'organizationId' | 'category'>,
  rules: ParticipationRules | null,
): string | null {
  const kind = rules?.categories.find((c) => c.code === r.category)?.delegation;
  if (kind === 'none') return null;
  if (kind === 'organization') return r.organizationId;
  return r.memberState ?? (kind === undefined ? r.organizationId : null);
}
