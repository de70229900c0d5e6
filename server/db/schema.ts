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

export interface DB {
  member_state: MemberStateTable;
  organization: OrganizationTable;
  meeting: MeetingTable;
  concept_section: ConceptSectionTable;
  agenda_version: AgendaVersionTable;
  agenda_day: AgendaDayTable;
  agenda_block: AgendaBlockTable;
  agenda_item: AgendaItemTable;
  app_user: AppUserTable;
  role_assignment: RoleAssignmentTable;
  user_session: UserSessionTable;
  one_time_token: OneTimeTokenTable;
  access_token: AccessTokenTable;
  recovery_code: RecoveryCodeTable;
  throttle: ThrottleTable;
  outbox_message: OutboxMessageTable;
  audit_log: AuditLogTable;
  contact_details: ContactDetailsTable;
  participation_rules: ParticipationRulesTable;
  accreditation: AccreditationTable;
  allocation: AllocationTable;
  delegation: DelegationTable;
  registration: RegistrationTable;
  idempotency_key: IdempotencyKeyTable;
  instrument: InstrumentTable;
  treaty_action: TreatyActionTable;
  framework_entry: FrameworkEntryTable;
  framework_proposal: FrameworkProposalTable;
  document: DocumentTable;
  document_revision: DocumentRevisionTable;
  document_file: DocumentFileTable;
  search_entry: SearchEntryTable;
  practice: PracticeTable;
  practice_revision: PracticeRevisionTable;
  practice_comment: PracticeCommentTable;
  practice_attachment: PracticeAttachmentTable;
  practice_facet: PracticeFacetTable;
  stat_indicator: StatIndicatorTable;
  stat_report: StatReportTable;
  stat_report_value: StatReportValueTable;
  stat_report_event: StatReportEventTable;
  stat_public_value: StatPublicValueTable;
}

export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  preferred_lang: string;
  password_hash: string | null;
  /** encrypted (see server/crypto.ts) */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleAssignmentTable {
  id: string;
  user_id: string;
  role: string;
  member_state: string | null;
  organization_id: string | null;
  created_at: string;
}

export interface UserSessionTable {
  /** SHA-256 of the cookie value: a leaked table does not yield usable sessions */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  mfa_pending: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface OneTimeTokenTable {
  id: string;
  purpose: string;
  token_hash: string;
  user_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccessTokenTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface RecoveryCodeTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface ThrottleTable {
  key: string;
  window_start: string;
  count: number;
}

export interface OutboxMessageTable {
  id: string;
  to_address: string;
  lang: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_type: string;
  actor_id: string | null;
  actor_label: string | null;
  role: string | null;
  action: string;
  outcome: string;
  object_type: string | null;
  object_id: string | null;
  changes: string;
  request_id: string | null;
  ip: string | null;
}

export interface ContactDetailsTable {
  id: string;
  member_state: string | null;
  organization_id: string | null;
  office: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  website: string | null;
  updated_at: string;
}

export interface ParticipationRulesTable {
  meeting_id: string;
  /** JSON: shared/schemas/participation.ts ParticipationRules */
  rules: string;
  updated_at: string;
}

export interface AccreditationTable {
  organization_id: string;
  status: string;
  valid_from: string | null;
  valid_until: string | null;
  website: string | null;
  updated_at: string;
}

export interface AllocationTable {
  id: string;
  meeting_id: string;
  /** a category code, or "*" for a state's total */
  category: string;
  /** "state:ARG", "org:<id>" or "meeting" */
  scope: string;
  cap: number;
  used: number;
  extra: number;
}

export interface DelegationTable {
  id: string;
  meeting_id: string;
  member_state: string | null;
  organization_id: string | null;
  head_registration_id: string | null;
  credentials_status: string;
  credentials_file: Buffer | null;
  credentials_file_name: string | null;
  credentials_received_at: string | null;
  updated_at: string;
}

export interface RegistrationTable {
  id: string;
  meeting_id: string;
  category: string;
  member_state: string | null;
  organization_id: string | null;
  delegation_id: string | null;
  status: string;
  holds_place: number;
  over_quota: number;
  allocations: string;
  given_name: string;
  family_name: string;
  sort_name: string;
  title: string | null;
  position: string | null;
  institution: string | null;
  email: string;
  phone: string | null;
  gender: string;
  preferred_lang: string;
  /** encrypted (server/auth/crypto.ts), bound to the registration id */
  id_document: string | null;
  public_consent: number;
  decision_reason: string | null;
  decided_at: string | null;
  decided_by: string | null;
  substitutes_id: string | null;
  substituted_by_id: string | null;
  check_in_code: string;
  checked_in_at: string | null;
  checked_in_by: string | null;
  created_by: string | null;
  nominator_email: string | null;
  nominator_lang: string | null;
  personal_data_purged_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: string;
  created_at: string;
}

export interface InstrumentTable {
  code: string;
  /** JSON {en, es, fr, pt} */
  name: string;
  /** JSON {en, es, fr, pt} */
  short_name: string;
  adopted_on: string | null;
  in_force_on: string | null;
  reference: string | null;
  created_at: string;
  updated_at: string;
}

export interface TreatyActionTable {
  id: string;
  instrument_code: string;
  member_state: string;
  action: string;
  /** 1 for an act that makes the state a party (everything but a signature) */
  binding: number;
  /** as the source gives it: YYYY, YYYY-MM or YYYY-MM-DD */
  date: string;
  precision: string;
  earliest: string;
  latest: string;
  reservations: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

export interface FrameworkEntryTable {
  id: string;
  member_state: string;
  kind: string;
  /** JSON: the reviewed version (shared/schemas/treaties.ts, by kind) */
  data: string;
  version: number;
  created_at: string;
  updated_at: string;
  removed_at: string | null;
}

export interface FrameworkProposalTable {
  id: string;
  member_state: string;
  kind: string;
  operation: string;
  entry_id: string | null;
  /** JSON, null for a removal */
  data: string | null;
  status: string;
  proposed_by: string | null;
  proposed_role: string;
  proposed_at: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  /** The entry version an accepted proposal produced */
  entry_version: number | null;
}

export interface DocumentTable {
  id: string;
  meeting_id: string;
  symbol: string | null;
  kind: string;
  /** JSON MultiText */
  title: string;
  original_lang: string;
  /** YYYY-MM-DD, or null when no source gives one */
  date: string | null;
  status: string;
  distribution: string;
  agenda_item_key: string | null;
  member_state: string | null;
  organization_id: string | null;
  owner_id: string | null;
  owner_role: string;
  superseded_by: string | null;
  issued_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DocumentRevisionTable {
  id: string;
  document_id: string;
  /** 0 for the document as first issued, then 1, 2, … in the order revisions were added */
  number: number;
  kind: string;
  /** the N of rev. N / corr. N (0 for the original) */
  seq: number;
  date: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  /** What a generated revision was made from: 'agenda:v2', 'participants'. */
  source: string | null;
}

export interface DocumentFileTable {
  id: string;
  revision_id: string;
  lang: string;
  role: string;
  official: number;
  format: string;
  content_type: string;
  file_name: string;
  size: number;
  sha256: string;
  /** Files stored before the file store existed; newer ones have `storage_key` instead. */
  content: Buffer | null;
  created_by: string | null;
  created_at: string;
  /** SHA-256 name in the file store (server/files/store.ts). */
  storage_key: string | null;
  /** Text extracted from a PDF, for the search index. */
  text: string | null;
}

/** Analysed text (server/search/analyse.ts), one row per thing and language. */
export interface SearchEntryTable {
  seq: Generated<number>;
  scope: string;
  ref_id: string;
  lang: string;
  /** `scope:… lang:…` and the thing's filter values (`theme:prevention`): indexed as whole tokens. */
  tags: string;
  /** The thing's date (a practice's publication), for ordering hits without another lookup. */
  sort_key: string | null;
  title: string;
  body: string;
  updated_at: string;
}

export interface PracticeTable {
  id: string;
  /** Demo practices: their key in practices.json, so seeding again changes nothing. */
  seed_key: string | null;
  member_state: string | null;
  organization_id: string | null;
  owner_id: string | null;
  status: string;
  /** The latest revision's number. */
  revision: number;
  published_revision: number | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PracticeRevisionTable {
  id: string;
  practice_id: string;
  number: number;
  /** draft, submitted, returned, published, rejected, superseded */
  status: string;
  /** PracticeInput as JSON */
  data: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PracticeCommentTable {
  id: string;
  practice_id: string;
  revision: number;
  kind: string;
  body: string;
  author_id: string | null;
  author_name: string;
  role: string;
  created_at: string;
}

export interface PracticeAttachmentTable {
  id: string;
  practice_id: string;
  file_name: string;
  format: string;
  content_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_by: string | null;
  created_at: string;
}

export interface PracticeFacetTable {
  practice_id: string;
  facet: string;
  value: string;
}

/** An indicator of the statistics framework; texts are JSON {en, es, fr, pt}. */
export interface StatIndicatorTable {
  code: string;
  position: number;
  name: string;
  definition: string;
  methodology: string;
  unit: string;
  /** JSON: dimension → allowed categories. */
  breakdowns: string;
  additive: number;
  created_at: string;
  updated_at: string;
}

/** A state's statistical report for one year (see the migration for the revision rule). */
export interface StatReportTable {
  id: string;
  member_state: string;
  year: number;
  status: string;
  revision: number;
  published_revision: number | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  validated_at: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface StatReportValueTable {
  id: string;
  report_id: string;
  revision: number;
  indicator_code: string;
  breakdown_key: string;
  breakdown: string;
  value: number | null;
  suppressed_at_source: number;
  provisional: number;
  estimate: number;
  source: string | null;
  notes: string | null;
}

export interface StatReportEventTable {
  id: string;
  report_id: string;
  revision: number;
  action: string;
  role: string;
  comment: string | null;
  at: string;
}

/** A figure from an already-public source, as that source published it. */
export interface StatPublicValueTable {
  id: string;
  source: string;
  member_state: string;
  year: number;
  indicator_code: string;
  breakdown_key: string;
  seq: number;
  breakdown: string;
  value: number | null;
  shown_as: string | null;
  imported_at: string;
}
