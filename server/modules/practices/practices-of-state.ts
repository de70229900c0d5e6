import { sql } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { ProfilePractice } from '../../../shared/schemas/treaties.js';
import { readField } from './content.js';
import { dataOf, type Db } from './repository.js';

/** How many a profile lists; the rest are one link away, in the library filtered by the country. */
export const PROFILE_PRACTICES = 10;

/**
 * A state's published practices for its profile, newest first: those that ran in the state and
 * those its focal point submitted. Titles in the reader's language, else the original's.
 */
export async function practicesOfState(
  db: Db,
  iso3: string,
  lang: Lang,
): Promise<{ practices: ProfilePractice[]; total: number }> {
  const ofState = db
    .selectFrom('practice')
    .select('practice.id')
    .where('practice.published_revision', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('practice.member_state', '=', iso3),
        eb(
          'practice.id',
          'in',
          eb
            .selectFrom('practice_facet')
            .select('practice_id')
            .where('facet', '=', 'country')
            .where('value', '=', iso3),
        ),
      ]),
    );
  const [rows, count] = await Promise.all([
    db
      .selectFrom('practice')
      .innerJoin('practice_revision', (j) =>
        j
          .onRef('practice_revision.practice_id', '=', 'practice.id')
          .onRef('practice_revision.number', '=', 'practice.published_revision'),
      )
      .select(['practice.id', 'practice.published_at', 'practice_revision.data'])
      .where('practice.id', 'in', ofState)
      .orderBy('practice.published_at', 'desc')
      .orderBy('practice.id')
      .limit(PROFILE_PRACTICES)
      .execute(),
    sql<{ n: number | string }>`select count(*) as n from (${ofState}) s`.execute(db),
  ]);
  return {
    practices: rows.map((row) => {
      const title = readField(dataOf(row), 'title', lang);
      return {
        id: row.id,
        title: title.text,
        lang: title.lang,
        publishedAt: row.published_at ?? '',
        url: `/${lang}/practices/${row.id}`,
      };
    }),
    total: Number(count.rows[0]?.n ?? 0),
  };
}
