import type { Kysely, Selectable, Transaction } from 'kysely';
import type { PracticeInput } from '../../../shared/schemas/practices.js';
import { parseJson } from '../../db/json.js';
import type { DB, PracticeRevisionTable, PracticeTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { indexTexts, unindex } from '../../search/index.js';
import { searchTexts } from './content.js';

export type Db = Kysely<DB> | Transaction<DB>;
export type PracticeRow = Selectable<PracticeTable>;
export type RevisionRow = Selectable<PracticeRevisionTable>;

export async function practiceOr404(db: Db, id: string): Promise<PracticeRow> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await db.selectFrom('practice').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', 'No such practice.');
  return row;
}

export async function revisionOf(db: Db, practiceId: string, number: number): Promise<RevisionRow> {
  return db
    .selectFrom('practice_revision')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
}

export const dataOf = (revision: Pick<RevisionRow, 'data'>): PracticeInput =>
  parseJson<PracticeInput>(revision.data, 'practice_revision.data');

/** What the pickers know: member states, organisations (with their kind), meetings and their agenda items. */
export async function referenceSets(db: Db) {
  const [states, organizations, meetings, items] = await Promise.all([
    db.selectFrom('member_state').select('iso3').execute(),
    db.selectFrom('organization').select(['id', 'kind']).execute(),
    db.selectFrom('meeting').select('slug').execute(),
    db
      .selectFrom('agenda_item')
      .innerJoin('agenda_version', 'agenda_version.id', 'agenda_item.version_id')
      .innerJoin('meeting', 'meeting.id', 'agenda_version.meeting_id')
      .where('agenda_version.number', 'is not', null)
      .select(['meeting.slug', 'agenda_item.key'])
      .distinct()
      .execute(),
  ]);
  const agendaItems = new Map<string, Set<string>>();
  for (const { slug, key } of items) agendaItems.set(slug, (agendaItems.get(slug) ?? new Set()).add(key));
  return {
    states: new Set(states.map((s) => s.iso3)),
    organizations: new Set(organizations.map((o) => o.id)),
    orgKinds: new Map(organizations.map((o) => [o.id, o.kind])),
    meetings: new Set(meetings.map((m) => m.slug)),
    agendaItems,
    subregions: new Map(
      (await db.selectFrom('member_state').select(['iso3', 'subregion']).execute()).map((s) => [s.iso3, s.subregion]),
    ),
  };
}

/**
 * The facet values of a published revision: themes, target groups, forms, the countries and
 * their subregions, the kinds of the implementing organisations (and the owner's), the start year.
 */
export function facetValues(
  data: PracticeInput,
  owner: { organization_id: string | null },
  ref: Awaited<ReturnType<typeof referenceSets>>,
): { facet: string; value: string }[] {
  const out = new Set<string>();
  const add = (facet: string, value: string | null | undefined) => value && out.add(`${facet}\u0000${value}`);
  for (const t of data.themes) add('theme', t);
  for (const g of data.targetGroups ?? []) add('targetGroup', g);
  for (const f of data.exploitationForms ?? []) add('form', f);
  for (const c of data.countries ?? []) {
    add('country', c);
    add('subregion', ref.subregions.get(c));
  }
  for (const o of [...(data.implementers ?? []), ...(owner.organization_id ? [owner.organization_id] : [])]) {
    add('orgKind', ref.orgKinds.get(o));
  }
  add('year', data.periodStart?.slice(0, 4));
  return [...out].map((key) => {
    const [facet, value] = key.split('\u0000') as [string, string];
    return { facet, value };
  });
}

/** Makes the published revision findable: facets and search index; both empty when none is published. */
export async function indexPublished(
  trx: Transaction<DB>,
  practice: Pick<PracticeRow, 'id' | 'organization_id' | 'published_at'>,
  data: PracticeInput | null,
) {
  await trx.deleteFrom('practice_facet').where('practice_id', '=', practice.id).execute();
  if (!data) {
    await unindex(trx, 'practice', practice.id);
    return;
  }
  const rows = facetValues(data, practice, await referenceSets(trx));
  if (rows.length) {
    await trx
      .insertInto('practice_facet')
      .values(rows.map((f) => ({ practice_id: practice.id, ...f })))
      .execute();
  }
  // The same values go into the index as tags: the library search filters and counts with them.
  await indexTexts(trx, 'practice', practice.id, searchTexts(data), { tags: rows, sortKey: practice.published_at });
}
