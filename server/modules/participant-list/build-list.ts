import type { Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { CATEGORIES, type Category } from '../../../shared/schemas/participation.js';
import type { DB } from '../../db/schema.js';
import { parseText } from '../../db/json.js';
import { intlFor } from '../../i18n.js';
import { localize } from '../../../shared/text.js';
import { loadNames, type RegistrationRow } from '../participation/presenter.js';
import type { Badge, ListGroup, ListSection, ParticipantList } from './types.js';
import { LIST_GROUPS } from './types.js';

/** Which group of the official list a category's people appear in. */
const GROUP_OF: Record<Category, ListGroup> = {
  government: 'member_states',
  civil_society: 'member_states',
  permanent_mission: 'member_states',
  oas_organ: 'oas_organs',
  iom: 'iom',
  un_agency: 'un_agencies',
  partner_institution: 'partner_institutions',
  ngo: 'other_organizations',
  expert: 'experts',
};

/** Who the list is for: the public list is accredited people who consented, without contacts. */
export interface Audience {
  withContacts: boolean;
  publicOnly: boolean;
  /** null: every delegation; otherwise only these states and organisations. */
  scope: { memberStates: string[]; organizations: string[] } | null;
}

export interface MeetingHead {
  id: string;
  title: string;
  start_date: string;
  end_date: string;
}

export function dateRange(meeting: Pick<MeetingHead, 'start_date' | 'end_date'>, lang: Lang): string {
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  return format.formatRange(new Date(`${meeting.start_date}T00:00:00Z`), new Date(`${meeting.end_date}T00:00:00Z`));
}

export const meetingTitle = (meeting: Pick<MeetingHead, 'title'>, lang: Lang): string =>
  localize(parseText(meeting.title, 'meeting.title'), lang).text;

async function accreditedRows(db: Kysely<DB>, meetingId: string, audience: Audience): Promise<RegistrationRow[]> {
  let q = db
    .selectFrom('registration')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'accredited');
  if (audience.publicOnly) q = q.where('public_consent', '=', 1);
  if (audience.scope) {
    const { memberStates, organizations } = audience.scope;
    q = q.where((eb) =>
      eb.or([
        eb('member_state', 'in', memberStates.length ? memberStates : ['']),
        eb('organization_id', 'in', organizations.length ? organizations : ['']),
      ]),
    );
  }
  return q.execute();
}

/**
 * The official list of participants: member states alphabetical in the document's language
 * (head of delegation first, then by category as the note lists them, then by family name), then
 * OAS organs, IOM, UN agencies, partner institutions, other organisations, experts.
 */
export async function buildParticipantList(
  db: Kysely<DB>,
  meeting: MeetingHead,
  lang: Lang,
  audience: Audience,
  generatedAt = new Date(),
): Promise<ParticipantList> {
  const intl = intlFor(lang);
  const rows = await accreditedRows(db, meeting.id, audience);
  const names = await loadNames(db, lang);
  const heads = new Set(
    (
      await db.selectFrom('delegation').select('head_registration_id').where('meeting_id', '=', meeting.id).execute()
    ).map((d) => d.head_registration_id),
  );
  const collator = new Intl.Collator(lang, { sensitivity: 'base' });
  const sections = new Map<string, ListSection & { rows: RegistrationRow[] }>();
  for (const row of rows) {
    const group = GROUP_OF[row.category as Category] ?? 'other_organizations';
    const heading =
      group === 'member_states' && row.member_state
        ? names.state(row.member_state)
        : group === 'experts'
          ? intl.formatMessage({ id: 'participants.group.experts' })
          : row.organization_id
            ? names.organization(row.organization_id)
            : (row.institution ?? intl.formatMessage({ id: `participants.group.${group}` }));
    const key = `${group}|${heading}`;
    const section = sections.get(key) ?? { group, heading, participants: [], rows: [] };
    section.rows.push(row);
    sections.set(key, section);
  }
  const ordered = [...sections.values()].sort(
    (a, b) => LIST_GROUPS.indexOf(a.group) - LIST_GROUPS.indexOf(b.group) || collator.compare(a.heading, b.heading),
  );
  return {
    lang,
    meetingTitle: meetingTitle(meeting, lang),
    dateRange: dateRange(meeting, lang),
    generatedAt,
    withContacts: audience.withContacts,
    sections: ordered.map(({ rows: members, ...section }) => ({
      ...section,
      participants: members
        .sort(
          (a, b) =>
            Number(heads.has(b.id)) - Number(heads.has(a.id)) ||
            CATEGORIES.indexOf(a.category as Category) - CATEGORIES.indexOf(b.category as Category) ||
            collator.compare(a.family_name, b.family_name) ||
            collator.compare(a.given_name, b.given_name),
        )
        .map((r) => ({
          registrationId: r.id,
          title: r.title,
          givenName: r.given_name,
          familyName: r.family_name,
          position: r.position,
          institution: r.institution,
          category: intl.formatMessage({ id: `participation.category.${r.category}` }),
          isHead: heads.has(r.id),
          email: audience.withContacts ? r.email : null,
          phone: audience.withContacts ? r.phone : null,
        })),
    })),
  };
}

/** Badges for accredited people, in list order, optionally for one delegation or some registrations. */
export async function buildBadges(
  db: Kysely<DB>,
  meeting: MeetingHead,
  lang: Lang,
  filter: { memberState?: string; registrationIds?: string[] },
): Promise<Badge[]> {
  const list = await buildParticipantList(db, meeting, lang, { withContacts: false, publicOnly: false, scope: null });
  const codes = new Map(
    (
      await db
        .selectFrom('registration')
        .select(['id', 'check_in_code', 'member_state'])
        .where('meeting_id', '=', meeting.id)
        .where('status', '=', 'accredited')
        .execute()
    ).map((r) => [r.id, r]),
  );
  const wanted = filter.registrationIds ? new Set(filter.registrationIds) : null;
  return list.sections.flatMap((section) =>
    section.participants.flatMap((p) => {
      const row = codes.get(p.registrationId);
      if (!row) return [];
      if (wanted && !wanted.has(p.registrationId)) return [];
      if (filter.memberState && row.member_state !== filter.memberState) return [];
      return [
        {
          givenName: p.givenName,
          familyName: p.familyName,
          delegation: section.heading,
          category: p.category,
          checkInCode: row.check_in_code,
        },
      ];
    }),
  );
}
