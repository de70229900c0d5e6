import { sql, type Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { Delegation, ParticipationRules } from '../../../shared/schemas/participation.js';
import { CATEGORIES } from '../../../shared/schemas/participation.js';
import type { Keys } from '../../auth/crypto.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { organizationScope, stateScope } from './allocation.js';
import { loadNames, presentRegistration } from './presenter.js';
import { orderedCategories } from './rules.js';

export type DelegationRef = { kind: 'member_state'; code: string } | { kind: 'organization'; code: string };

/** ISO3 codes are upper case, organisation ids lower case: one path segment names either. */
export function parseDelegationCode(code: string): DelegationRef {
  if (/^[A-Z]{3}$/.test(code)) return { kind: 'member_state', code };
  if (/^[a-z0-9][a-z0-9-]{0,79}$/.test(code)) return { kind: 'organization', code };
  throw new AppError('not_found', `No delegation "${code}".`);
}

export const refTarget = (ref: DelegationRef) =>
  ref.kind === 'member_state'
    ? { memberState: ref.code, organizationId: null }
    : { memberState: null, organizationId: ref.code };

type Places = Delegation['places'];

/** Places per category (and the state's total) for each delegation scope, from allocations and live counts. */
async function placesByScope(
  db: Kysely<DB>,
  meetingId: string,
  rules: ParticipationRules,
  refs: DelegationRef[],
): Promise<Map<string, Places>> {
  const [allocations, counts] = await Promise.all([
    db
      .selectFrom('allocation')
      .select(['category', 'scope', 'cap', 'used'])
      .where('meeting_id', '=', meetingId)
      .execute(),
    db
      .selectFrom('registration')
      .select(['member_state', 'organization_id', 'category', sql<number>`count(*)`.as('n')])
      .where('meeting_id', '=', meetingId)
      .where('holds_place', '=', 1)
      .groupBy(['member_state', 'organization_id', 'category'])
      .execute(),
  ]);
  const meetingUsed = new Map(allocations.filter((a) => a.scope === 'meeting').map((a) => [a.category, a.used]));
  const out = new Map<string, Places>();
  for (const ref of refs) {
    const scope = ref.kind === 'member_state' ? stateScope(ref.code) : organizationScope(ref.code);
    const mine = counts.filter((c) =>
      ref.kind === 'member_state' ? c.member_state === ref.code : c.organization_id === ref.code,
    );
    const places: Places = [];
    for (const rule of orderedCategories(rules)) {
      if (rule.delegation !== ref.kind) continue;
      const used = Number(mine.find((c) => c.category === rule.code)?.n ?? 0);
      if (rule.limit === null) {
        places.push({ category: rule.code, limit: null, used, remaining: null });
      } else if (rule.limitScope === 'meeting') {
        const all = Number(meetingUsed.get(rule.code) ?? 0);
        places.push({ category: rule.code, limit: rule.limit, used, remaining: Math.max(0, rule.limit - all) });
      } else {
        places.push({ category: rule.code, limit: rule.limit, used, remaining: Math.max(0, rule.limit - used) });
      }
    }
    if (ref.kind === 'member_state' && rules.perStateTotal !== null) {
      const counting = new Set(rules.categories.filter((c) => c.countsTowardStateTotal).map((c) => c.code as string));
      const used = mine.filter((c) => counting.has(c.category)).reduce((s, c) => s + Number(c.n), 0);
      places.push({
        category: 'total',
        limit: rules.perStateTotal,
        used,
        remaining: Math.max(0, rules.perStateTotal - used),
      });
    }
    out.set(scope, places);
  }
  return out;
}

/** The order a delegation lists its people: head first, then the note's category order, then by name. */
const categoryIndex = (c: string) => CATEGORIES.indexOf(c as (typeof CATEGORIES)[number]);

export async function readDelegation(
  db: Kysely<DB>,
  meetingId: string,
  rules: ParticipationRules,
  ref: DelegationRef,
  lang: Lang,
  keys: Keys | null,
): Promise<Delegation> {
  const target = refTarget(ref);
  const names = await loadNames(db, lang, {
    memberStates: target.memberState ? [target.memberState] : [],
    organizations: target.organizationId ? [target.organizationId] : [],
  });
  const name = ref.kind === 'member_state' ? names.state(ref.code) : names.organization(ref.code);
  if (name === ref.code) throw new AppError('not_found', `No delegation "${ref.code}".`);
  let dq = db
    .selectFrom('delegation')
    .select(['id', 'head_registration_id', 'credentials_status', 'credentials_file_name', 'credentials_received_at'])
    .select(sql<number | null>`length(credentials_file)`.as('size'))
    .where('meeting_id', '=', meetingId);
  dq =
    ref.kind === 'member_state' ? dq.where('member_state', '=', ref.code) : dq.where('organization_id', '=', ref.code);
  const delegation = await dq.executeTakeFirst();
  let rq = db.selectFrom('registration').selectAll().where('meeting_id', '=', meetingId);
  rq =
    ref.kind === 'member_state' ? rq.where('member_state', '=', ref.code) : rq.where('organization_id', '=', ref.code);
  const rows = await rq.execute();
  const head = delegation?.head_registration_id ?? null;
  const members = rows
    .map((r) => presentRegistration(r, names, { isHead: r.id === head, keys }))
    .sort(
      (a, b) =>
        Number(b.isHead) - Number(a.isHead) ||
        Number(b.status !== 'withdrawn' && b.status !== 'substituted' && b.status !== 'rejected') -
          Number(a.status !== 'withdrawn' && a.status !== 'substituted' && a.status !== 'rejected') ||
        categoryIndex(a.category) - categoryIndex(b.category) ||
        a.person.familyName.localeCompare(b.person.familyName, lang),
    );
  const places = (await placesByScope(db, meetingId, rules, [ref])).get(
    ref.kind === 'member_state' ? stateScope(ref.code) : organizationScope(ref.code),
  );
  return {
    kind: ref.kind,
    code: ref.code,
    name,
    invited: ref.kind === 'organization' || rules.invitedStates.includes(ref.code),
    headRegistrationId: head,
    credentials: {
      status: (delegation?.credentials_status ?? 'missing') as Delegation['credentials']['status'],
      fileName: delegation?.credentials_file_name ?? null,
      receivedAt: delegation?.credentials_received_at ?? null,
      size: delegation?.size === null || delegation?.size === undefined ? null : Number(delegation.size),
    },
    places: places ?? [],
    members,
  };
}

/** Every invited state's delegation and every organisation's that has people, narrowed to what the caller sees. */
export async function listDelegations(
  db: Kysely<DB>,
  meetingId: string,
  rules: ParticipationRules,
  lang: Lang,
  visible: { memberStates: string[]; organizations: string[] } | null,
) {
  const orgCategories = rules.categories.filter((c) => c.delegation === 'organization').map((c) => c.code as string);
  const orgsWithDelegation = (
    await db
      .selectFrom('registration')
      .select('organization_id')
      .distinct()
      .where('meeting_id', '=', meetingId)
      .where('category', 'in', [...orgCategories, ''])
      .execute()
  ).flatMap((r) => (r.organization_id ? [r.organization_id] : []));
  let refs: DelegationRef[] = [
    ...rules.invitedStates.map((code) => ({ kind: 'member_state' as const, code })),
    ...orgsWithDelegation.map((code) => ({ kind: 'organization' as const, code })),
  ];
  if (visible) {
    refs = refs.filter((r) =>
      r.kind === 'member_state' ? visible.memberStates.includes(r.code) : visible.organizations.includes(r.code),
    );
    for (const code of visible.organizations) {
      if (!refs.some((r) => r.kind === 'organization' && r.code === code)) refs.push({ kind: 'organization', code });
    }
  }
  const names = await loadNames(db, lang);
  const [places, delegationRows, stats] = await Promise.all([
    placesByScope(db, meetingId, rules, refs),
    db
      .selectFrom('delegation')
      .select(['member_state', 'organization_id', 'credentials_status'])
      .where('meeting_id', '=', meetingId)
      .execute(),
    db
      .selectFrom('registration')
      .select([
        'member_state',
        'organization_id',
        sql<number>`sum(holds_place)`.as('holding'),
        sql<number>`sum(case when status = 'accredited' then 1 else 0 end)`.as('accredited'),
      ])
      .where('meeting_id', '=', meetingId)
      .groupBy(['member_state', 'organization_id'])
      .execute(),
  ]);
  const collator = new Intl.Collator(lang);
  const items = refs.map((ref) => {
    const isState = ref.kind === 'member_state';
    const row = delegationRows.find((d) => (isState ? d.member_state === ref.code : d.organization_id === ref.code));
    const stat = stats.filter((s) =>
      isState ? s.member_state === ref.code : s.organization_id === ref.code && !s.member_state,
    );
    return {
      kind: ref.kind,
      code: ref.code,
      name: isState ? names.state(ref.code) : names.organization(ref.code),
      invited: !isState || rules.invitedStates.includes(ref.code),
      credentialsStatus: (row?.credentials_status ?? 'missing') as Delegation['credentials']['status'],
      holding: stat.reduce((s, r) => s + Number(r.holding ?? 0), 0),
      accredited: stat.reduce((s, r) => s + Number(r.accredited ?? 0), 0),
      places: places.get(isState ? stateScope(ref.code) : organizationScope(ref.code)) ?? [],
    };
  });
  return items.sort((a, b) =>
    a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'member_state' ? -1 : 1,
  );
}
