import { sql, type Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { CATEGORIES, type Category } from '../../../shared/schemas/participation.js';
import type { ProfileDelegation } from '../../../shared/schemas/treaties.js';
import { parseText } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { localize } from '../../../shared/text.js';

/**
 * Who reads a state's delegations. `public`: the rules of the public participant list (announced
 * meetings; accredited people who consented, so a count never includes someone the public list
 * hides). `own`: the state's focal point, who sees its whole accredited delegation. `secretariat`:
 * everything, drafts included.
 */
export type DelegationAudience = 'public' | 'own' | 'secretariat';

/**
 * A member state's delegations to meetings, newest meeting first: per meeting the head of
 * delegation's name and the number of accredited delegates per category. Other modules (country
 * profiles) read participation through this function, never through its tables.
 */
export async function delegationsOfState(
  db: Kysely<DB>,
  iso3: string,
  lang: Lang,
  audience: DelegationAudience,
): Promise<ProfileDelegation[]> {
  const publicOnly = audience === 'public';
  let counts = db
    .selectFrom('registration')
    .innerJoin('meeting', 'meeting.id', 'registration.meeting_id')
    .select(['registration.meeting_id', 'registration.category', sql<number>`count(*)`.as('n')])
    .where('registration.member_state', '=', iso3)
    .where('registration.status', '=', 'accredited')
    .groupBy(['registration.meeting_id', 'registration.category']);
  if (audience !== 'secretariat') counts = counts.where('meeting.status', '!=', 'draft');
  if (publicOnly) counts = counts.where('registration.public_consent', '=', 1);
  const rows = await counts.execute();
  const meetingIds = [...new Set(rows.map((r) => r.meeting_id))];
  if (meetingIds.length === 0) return [];

  const [meetings, heads] = await Promise.all([
    db
      .selectFrom('meeting')
      .select(['id', 'slug', 'title', 'start_date', 'end_date'])
      .where('id', 'in', meetingIds)
      .execute(),
    db
      .selectFrom('delegation')
      .innerJoin('registration', 'registration.id', 'delegation.head_registration_id')
      .select([
        'delegation.meeting_id',
        'registration.title',
        'registration.given_name',
        'registration.family_name',
        'registration.public_consent',
      ])
      .where('delegation.member_state', '=', iso3)
      .where('delegation.meeting_id', 'in', meetingIds)
      .where('registration.status', '=', 'accredited')
      // A purged record keeps placeholders, not a name.
      .where('registration.personal_data_purged_at', 'is', null)
      .execute(),
  ]);
  const headOf = new Map(
    heads
      .filter((h) => !publicOnly || h.public_consent === 1)
      .map((h) => [h.meeting_id, [h.title, h.given_name, h.family_name].filter(Boolean).join(' ')]),
  );
  const rank = (c: string) => CATEGORIES.indexOf(c as Category);
  return meetings
    .sort((a, b) => b.start_date.localeCompare(a.start_date) || a.slug.localeCompare(b.slug))
    .map((m) => {
      const delegates = rows
        .filter((r) => r.meeting_id === m.id)
        .map((r) => ({ category: r.category, count: Number(r.n) }))
        .sort((a, b) => rank(a.category) - rank(b.category));
      return {
        meeting: {
          slug: m.slug,
          title: localize(parseText(m.title, 'meeting.title'), lang).text,
          startDate: m.start_date,
          endDate: m.end_date,
        },
        head: headOf.get(m.id) ?? null,
        delegates,
        total: delegates.reduce((s, d) => s + d.count, 0),
      };
    });
}
