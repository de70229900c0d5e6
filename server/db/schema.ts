import type { Generated } from 'kysely';

/*
 * One schema for both engines. Booleans are stored as 0/1 integers, instants as ISO 8601 UTC text,
 * structured values (multilingual texts, lists) as JSON text: the same query code then returns
 * the same JavaScript values on SQLite and PostgreSQL.
 */

export interface MemberStateTable {
  iso3: string;
  iso2: string;
  name_en: string;
  name_es: string;
  name_fr: string;
  name_pt: string;
  subregion: string;
  groupings: string;
  participated_2005: number;
}

export interface OrganizationTable {
  id: string;
  kind: string;
  name: string;
  acronym: string;
  member_state: string | null;
}

export interface MeetingTable {
  id: string;
  slug: string;
  title: string;
  start_date: string;
  end_date: string;
  time_zone: string;
  venue: string | null;
  status: string;
  organizers: string;
  default_session_hours: string;
  created_at: string;
  updated_at: string;
}

export interface ConceptSectionTable {
  id: string;
  meeting_id: string;
  kind: string;
  position: number;
  heading: string;
  body: string;
  notes: string;
}

export interface AgendaVersionTable {
  id: string;
  meeting_id: string;
  /** null for the one editable draft */
  number: number | null;
  title: string;
  label: string | null;
  published_at: string | null;
  /** JSON change log against the previous published version, computed when published */
  changes: string;
  created_at: string;
  updated_at: string;
}

export interface AgendaDayTable {
  id: string;
  version_id: string;
  date: string;
  position: number;
}

export interface AgendaBlockTable {
  id: string;
  day_id: string;
  period: string;
  position: number;
  theme: string | null;
  start_time: string | null;
  end_time: string | null;
}

export interface AgendaItemTable {
  id: string;
  version_id: string;
  block_id: string;
  key: string;
  number: number;
  position: number;
  kind: string;
  title: string;
  description: string | null;
  presenters: string;
  alternatives: string;
  start_time: string | null;
  end_time: string | null;
}

export interface MigrationLockless {
  name: Generated<string>;
}

export interface DB {
  member_state: MemberStateTable;
  organization: OrganizationTable;
  meeting: MeetingTable;
  concept_section: ConceptSectionTable;
  agenda_version: AgendaVersionTable;
  agenda_day: AgendaDayTable;
  agenda_block: AgendaBlockTable;
  agenda_item: AgendaItemTable;
}
