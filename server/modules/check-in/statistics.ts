import { sql, type Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import { CATEGORIES, GENDERS, type Category } from '../../../shared/schemas/participation.js';
import type { DB } from '../../db/schema.js';
import { loadNames } from '../participation/presenter.js';

type Counts = { registered: number; accredited: number; present: number };
const zero = (): Counts => ({ registered: 0, accredited: 0, present: 0 });

/**
 * Counts for the secretariat. "Registered" is everyone holding a place (pending or accredited);
 * withdrawn, rejected and substituted people are not counted; "present" is checked in.
 */
export async function participationStatistics(db: Kysely<DB>, meetingId: string, lang: Lang) {
  const rows = await db
    .selectFrom('registration')
    .select([
      'member_state',
      'category',
      'gender',
      sql<number>`count(*)`.as('registered'),
      sql<number>`sum(case when status = 'accredited' then 1 else 0 end)`.as('accredited'),
      sql<number>`sum(case when checked_in_at is not null and status = 'accredited' then 1 else 0 end)`.as('present'),
    ])
    .where('meeting_id', '=', meetingId)
    .where('holds_place', '=', 1)
    .groupBy(['member_state', 'category', 'gender'])
    .execute();
  const total = zero();
  const byCategory = new Map<string, Counts>(CATEGORIES.map((c) => [c, zero()]));
  const byGender = new Map<string, Counts>(GENDERS.map((g) => [g, zero()]));
  const byState = new Map<string, Counts>();
  for (const r of rows) {
    const add = (c: Counts) => {
      c.registered += Number(r.registered);
      c.accredited += Number(r.accredited ?? 0);
      c.present += Number(r.present ?? 0);
    };
    add(total);
    add(byCategory.get(r.category) ?? zero());
    add(byGender.get(r.gender) ?? zero());
    if (r.member_state) {
      const s = byState.get(r.member_state) ?? zero();
      add(s);
      byState.set(r.member_state, s);
    }
  }
  const names = await loadNames(db, lang, { memberStates: [...byState.keys()] });
  const collator = new Intl.Collator(lang);
  return {
    total,
    byCategory: [...byCategory].map(([category, c]) => ({ category: category as Category, ...c })),
    byGender: [...byGender].map(([gender, c]) => ({ gender: gender as (typeof GENDERS)[number], ...c })),
    byState: [...byState]
      .map(([memberState, c]) => ({ memberState, name: names.state(memberState), ...c }))
      .sort((a, b) => collator.compare(a.name, b.name)),
  };
}
