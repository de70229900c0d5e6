import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { MemberState, Organization } from '../../../shared/schemas/reference.js';
import { parseJson } from '../../db/json.js';
import type { DB, MemberStateTable, OrganizationTable } from '../../db/schema.js';

type LangRecord = Record<Lang, string | null>;

export function presentMemberState(row: Selectable<MemberStateTable>, lang: Lang): MemberState {
  return {
    iso3: row.iso3,
    iso2: row.iso2,
    name: row[`name_${lang}`],
    subregion: row.subregion as MemberState['subregion'],
    groupings: parseJson<MemberState['groupings']>(row.groupings, 'member_state.groupings'),
    participated2005: row.participated_2005 === 1,
  };
}

export function presentOrganization(row: Selectable<OrganizationTable>, lang: Lang): Organization {
  const name = parseJson<LangRecord>(row.name, 'organization.name');
  const acronym = parseJson<LangRecord>(row.acronym, 'organization.acronym');
  return {
    id: row.id,
    kind: row.kind as Organization['kind'],
    name: name[lang] ?? name.en ?? row.id,
    acronym: acronym[lang] ?? null,
    memberState: row.member_state,
  };
}

export async function listMemberStates(db: Kysely<DB>, lang: Lang): Promise<MemberState[]> {
  const rows = await db.selectFrom('member_state').selectAll().execute();
  const collator = new Intl.Collator(lang);
  return rows.map((r) => presentMemberState(r, lang)).sort((a, b) => collator.compare(a.name, b.name));
}

export async function listOrganizations(db: Kysely<DB>, lang: Lang, ids?: string[]): Promise<Organization[]> {
  if (ids && ids.length === 0) return [];
  let q = db.selectFrom('organization').selectAll();
  if (ids) q = q.where('id', 'in', ids);
  const rows = await q.execute();
  const collator = new Intl.Collator(lang);
  return rows.map((r) => presentOrganization(r, lang)).sort((a, b) => collator.compare(a.name, b.name));
}

/** Names in every language, for snapshots taken when an agenda version is published. */
export async function organizationNames(
  db: Kysely<DB> | Transaction<DB>,
  ids: string[],
): Promise<Map<string, { name: LangRecord; acronym: LangRecord }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'name', 'acronym']).where('id', 'in', ids).execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: parseJson<LangRecord>(r.name, 'organization.name'),
        acronym: parseJson<LangRecord>(r.acronym, 'organization.acronym'),
      },
    ]),
  );
}
