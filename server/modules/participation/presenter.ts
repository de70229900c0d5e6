import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { Category, Registration, RegistrationStatus } from '../../../shared/schemas/participation.js';
import { decryptSecret, type Keys } from '../../auth/crypto.js';
import { parseJson } from '../../db/json.js';
import type { DB, RegistrationTable } from '../../db/schema.js';

export type RegistrationRow = Selectable<RegistrationTable>;
type Db = Kysely<DB> | Transaction<DB>;

/** Names of states and organisations in one language, for the rows being shown. */
export interface Names {
  state(iso3: string): string;
  organization(id: string): string;
}

export async function loadNames(
  db: Db,
  lang: Lang,
  wanted: { memberStates?: string[]; organizations?: string[] } = {},
): Promise<Names> {
  let states = db.selectFrom('member_state').select(['iso3', `name_${lang}`]);
  if (wanted.memberStates?.length) states = states.where('iso3', 'in', wanted.memberStates);
  let orgs = db.selectFrom('organization').select(['id', 'name', 'acronym']);
  if (wanted.organizations?.length) orgs = orgs.where('id', 'in', wanted.organizations);
  // An empty list asked for means no names of that kind: no query.
  const [stateRows, orgRows] = await Promise.all([
    wanted.memberStates?.length === 0 ? [] : states.execute(),
    wanted.organizations?.length === 0 ? [] : orgs.execute(),
  ]);
  const stateNames = new Map(stateRows.map((r) => [r.iso3, (r as Record<string, string>)[`name_${lang}`] ?? r.iso3]));
  const orgNames = new Map(
    orgRows.map((r) => {
      const name = parseJson<Partial<Record<Lang, string | null>>>(r.name, 'organization.name');
      return [r.id, name[lang] ?? name.en ?? r.id];
    }),
  );
  return {
    state: (iso3) => stateNames.get(iso3) ?? iso3,
    organization: (id) => orgNames.get(id) ?? id,
  };
}

export function delegationName(row: Pick<RegistrationRow, 'member_state' | 'organization_id'>, names: Names) {
  if (row.member_state) return names.state(row.member_state);
  if (row.organization_id) return names.organization(row.organization_id);
  return null;
}

/**
 * A registration as the API shows it. The identity-document number is decrypted only when the
 * caller is the secretariat (`keys` given); everyone else never sees that it exists.
 */
export function presentRegistration(
  row: RegistrationRow,
  names: Names,
  options: { isHead?: boolean; keys?: Keys | null } = {},
): Registration {
  const person: Registration['person'] = {
    givenName: row.given_name,
    familyName: row.family_name,
    title: row.title,
    position: row.position,
    institution: row.institution,
    email: row.email,
    phone: row.phone,
    gender: row.gender as Registration['person']['gender'],
    preferredLang: row.preferred_lang as Lang,
    publicListConsent: row.public_consent === 1,
  };
  if (options.keys) {
    person.idDocumentNumber = row.id_document ? decryptSecret(options.keys, row.id_document, row.id) : null;
  }
  return {
    id: row.id,
    status: row.status as RegistrationStatus,
    category: row.category as Category,
    memberState: row.member_state,
    organizationId: row.organization_id,
    delegationName: delegationName(row, names),
    person,
    isHead: options.isHead ?? false,
    overQuota: row.over_quota === 1,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at,
    substitutesId: row.substitutes_id,
    substitutedById: row.substituted_by_id,
    checkedInAt: row.checked_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
