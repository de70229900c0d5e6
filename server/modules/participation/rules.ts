import { sql, type Kysely, type Transaction } from 'kysely';
import type { Category, CategoryRule, ParticipationRules } from '../../../shared/schemas/participation.js';
import { CATEGORIES } from '../../../shared/schemas/participation.js';
import type { Engine } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { Issues } from '../editing/validation.js';

type Db = Kysely<DB> | Transaction<DB>;

const rule = (
  code: Category,
  registrars: CategoryRule['registrars'],
  delegation: CategoryRule['delegation'],
  more: Partial<CategoryRule> = {},
): CategoryRule => ({
  code,
  registrars,
  delegation,
  limit: null,
  limitScope: 'delegation',
  countsTowardStateTotal: false,
  organizationKinds: [],
  requiresAccreditation: false,
  ...more,
});

/**
 * The concept note's rules: at most three participants per member state, two from government and
 * one from civil society (an organisation accredited with the OAS); the other categories it lists
 * come without numbers, so they have no limit until the secretariat sets one.
 */
export function conceptNoteRules(invitedStates: string[]): ParticipationRules {
  return {
    registrationOpensAt: null,
    registrationClosesAt: null,
    perStateTotal: 3,
    requiresIdDocument: false,
    retentionDays: 365,
    invitedStates,
    categories: [
      rule('government', ['focal_point', 'secretariat'], 'member_state', { limit: 2, countsTowardStateTotal: true }),
      rule('civil_society', ['focal_point', 'organization_rep', 'secretariat'], 'member_state', {
        limit: 1,
        countsTowardStateTotal: true,
        organizationKinds: ['ngo', 'academic'],
        requiresAccreditation: true,
      }),
      rule('permanent_mission', ['focal_point', 'secretariat'], 'member_state'),
      rule('oas_organ', ['organization_rep', 'secretariat'], 'organization', { organizationKinds: ['oas_organ'] }),
      rule('iom', ['organization_rep', 'secretariat'], 'organization', { organizationKinds: ['iom'] }),
      rule('partner_institution', ['organization_rep', 'secretariat'], 'organization', {
        organizationKinds: ['partner_institution', 'intergovernmental', 'government_body'],
      }),
      rule('un_agency', ['organization_rep', 'secretariat'], 'organization', { organizationKinds: ['un_agency'] }),
      rule('expert', ['secretariat', 'self'], 'none'),
      rule('ngo', ['organization_rep', 'secretariat', 'self'], 'none', { organizationKinds: ['ngo', 'academic'] }),
    ],
  };
}

/** Rules that contradict themselves are refused with every problem named. */
export function checkRules(rules: ParticipationRules, knownStates: Set<string>): void {
  const issues = new Issues();
  const seen = new Set<string>();
  rules.categories.forEach((c, i) => {
    const path = `body/categories/${i}`;
    if (seen.has(c.code)) issues.add(`${path}/code`, `"${c.code}" is given twice`);
    seen.add(c.code);
    if (c.registrars.length === 0) issues.add(`${path}/registrars`, 'must name at least one registrar');
    if (c.delegation !== 'member_state' && c.countsTowardStateTotal) {
      issues.add(`${path}/countsTowardStateTotal`, "only a state delegation's categories count toward its total");
    }
    if (c.delegation === 'none' && c.limit !== null && c.limitScope === 'delegation') {
      issues.add(`${path}/limitScope`, 'a category without delegations can only be limited per meeting');
    }
    if (c.delegation === 'organization' && c.organizationKinds.length === 0) {
      issues.add(`${path}/organizationKinds`, "an organisation's delegation needs the kinds of organisation it admits");
    }
    if (c.requiresAccreditation && c.organizationKinds.length === 0) {
      issues.add(`${path}/organizationKinds`, 'accreditation applies to organisations: name their kinds');
    }
    if (c.registrars.includes('organization_rep') && c.organizationKinds.length === 0) {
      issues.add(
        `${path}/registrars`,
        "an organisation's representative can only register where an organisation is required",
      );
    }
  });
  rules.invitedStates.forEach((s, i) => {
    if (!knownStates.has(s)) issues.add(`body/invitedStates/${i}`, `"${s}" is not a member state`);
  });
  const { registrationOpensAt: opens, registrationClosesAt: closes } = rules;
  if (opens && closes && Date.parse(opens) >= Date.parse(closes)) {
    issues.add('body/registrationClosesAt', 'must be after the opening');
  }
  issues.throwIfAny();
}

export function categoryRule(rules: ParticipationRules, code: Category): CategoryRule | undefined {
  return rules.categories.find((c) => c.code === code);
}

/** Categories in the note's order, whatever order they were saved in. */
export function orderedCategories(rules: ParticipationRules): CategoryRule[] {
  return [...rules.categories].sort((a, b) => CATEGORIES.indexOf(a.code) - CATEGORIES.indexOf(b.code));
}

/**
 * The meeting's rules. With `share` on PostgreSQL the row is read FOR SHARE: registrations run
 * side by side, while a change of rules (which takes the row exclusively and recounts places)
 * waits for them and they for it. SQLite has one writer, which gives the same order.
 */
export async function readRules(
  db: Db,
  meetingId: string,
  options: { engine?: Engine; share?: boolean } = {},
): Promise<ParticipationRules> {
  let query = db.selectFrom('participation_rules').select('rules').where('meeting_id', '=', meetingId);
  if (options.share && options.engine === 'postgres') query = query.forShare();
  const row = await query.executeTakeFirst();
  if (!row) throw new AppError('not_found', 'This meeting takes no registrations: it has no participation rules.');
  return JSON.parse(row.rules) as ParticipationRules;
}

/** Statuses as SQL, for queries that count people holding places. */
export const holdingSql = sql<boolean>`status in ('nominated', 'applied', 'accredited')`;
