import type { Lang } from '../../../shared/lang.js';

/**
 * The groups of the official list of participants, in the order the list prints them:
 * member states first (alphabetical in the document's language), then the organisations
 * by kind, then experts.
 */
export const LIST_GROUPS = [
  'member_states',
  'oas_organs',
  'iom',
  'un_agencies',
  'partner_institutions',
  'other_organizations',
  'experts',
] as const;
export type ListGroup = (typeof LIST_GROUPS)[number];

/** One person on the list, already read in the document's language. */
export interface ListedParticipant {
  registrationId: string;
  title: string | null;
  givenName: string;
  familyName: string;
  position: string | null;
  institution: string | null;
  /** Category label in the document's language, e.g. "Government" / "Gobierno". */
  category: string;
  isHead: boolean;
  /** Only in the secretariat's full list; null in the public one. */
  email: string | null;
  phone: string | null;
}

/** A delegation (member state or organisation) or the experts, with its people in list order. */
export interface ListSection {
  group: ListGroup;
  /** The state's or organisation's name in the document's language; for experts, the group's name. */
  heading: string;
  participants: ListedParticipant[];
}

export interface ParticipantList {
  lang: Lang;
  meetingTitle: string;
  /** e.g. "6–8 April 2005" already formatted in lang. */
  dateRange: string;
  /** When the list was produced; printed in the footer and used as the PDF's dates. */
  generatedAt: Date;
  /** The full list carries email and phone columns; the public one does not. */
  withContacts: boolean;
  sections: ListSection[];
}

/** One badge: what is printed and the opaque check-in code the QR holds. */
export interface Badge {
  givenName: string;
  familyName: string;
  /** State or organisation name, or the experts' group name, in the badge language. */
  delegation: string;
  category: string;
  checkInCode: string;
}

export interface BadgeSheet {
  lang: Lang;
  meetingTitle: string;
  dateRange: string;
  generatedAt: Date;
  badges: Badge[];
}
