import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { CategoryRule, ParticipationRules, RegistrationInput } from '../../../shared/schemas/participation.js';
import { encryptSecret, type Keys } from '../../auth/crypto.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import type { Engine } from '../../db/database.js';
import { newId, nowIso } from '../../db/ids.js';
import { json } from '../../db/json.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import type { QueuedMail } from '../../mail/mailer.js';
import type { Config } from '../../config.js';
import { placesFor, takePlaces } from './allocation.js';
import { ensureDelegation } from './delegation-row.js';
import { registrationMail } from './mail.js';
import { normalizePerson, sortName, type NormalizedPerson } from './person.js';
import { canRegister, type Target } from './policy.js';
import { loadNames, presentRegistration, type RegistrationRow } from './presenter.js';
import { categoryRule, readRules } from './rules.js';

export interface ParticipationDeps {
  engine: Engine;
  keys: Keys;
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>;
}

/** The acting side of a registration: who, in which role, from where. */
export interface Acting {
  ctx: AuditContext;
  role: string;
  /** The signed-in user's email and language, told of the registration they made. */
  nominator: { email: string; lang: Lang } | null;
}

export const isAdminRole = (role: string): boolean => role === 'secretariat' || role === 'cli';

/** Opaque, unguessable, short enough for a QR code at badge size: 128 bits in base64url. */
export const newCheckInCode = (): string => randomBytes(16).toString('base64url');

/** Registration is open between its instants (either may be unset); the secretariat is never bound by them. */
export function checkWindow(rules: ParticipationRules, role: string, nowMs: number): void {
  if (isAdminRole(role)) return;
  const { registrationOpensAt: opens, registrationClosesAt: closes } = rules;
  if (opens && nowMs < Date.parse(opens)) {
    throw new AppError('registration_not_open', `Registration opens at ${opens}.`, { opensAt: opens });
  }
  if (closes && nowMs >= Date.parse(closes)) {
    throw new AppError(
      'deadline_passed',
      `Registration closed at ${closes}; only the secretariat can add people now.`,
      {
        closedAt: closes,
      },
    );
  }
}

/** The state or organisation a registration is for, checked against the category's rule. */
export async function resolveTarget(
  trx: Transaction<DB>,
  rules: ParticipationRules,
  rule: CategoryRule,
  input: { memberState?: string; organizationId?: string },
  nowMs: number,
): Promise<Target> {
  const memberState = input.memberState ?? null;
  const organizationId = input.organizationId ?? null;
  const fail = (path: string, message: string, reason: string) =>
    new AppError('unprocessable', `${path}: ${message}`, { errors: [{ path, message, reason }] });
  if (rule.delegation === 'member_state') {
    if (!memberState) throw fail('body/memberState', `is required for "${rule.code}"`, 'state_required');
    if (!rules.invitedStates.includes(memberState))
      throw fail('body/memberState', `${memberState} is not invited`, 'not_invited');
  } else if (memberState && rule.delegation === 'organization') {
    throw fail(
      'body/memberState',
      `"${rule.code}" places belong to organisations, not states`,
      'organization_category',
    );
  }
  const needsOrganization = rule.delegation === 'organization' || rule.requiresAccreditation;
  if (needsOrganization && !organizationId)
    throw fail('body/organizationId', `is required for "${rule.code}"`, 'organization_required');
  if (!organizationId) return { memberState, organizationId: null };
  if (rule.organizationKinds.length === 0) {
    throw fail('body/organizationId', `"${rule.code}" places are not taken for an organisation`, 'organization_kind');
  }
  const org = await trx
    .selectFrom('organization')
    .leftJoin('accreditation', 'accreditation.organization_id', 'organization.id')
    .select([
      'organization.kind',
      'organization.member_state',
      'accreditation.status',
      'accreditation.valid_from',
      'accreditation.valid_until',
    ])
    .where('organization.id', '=', organizationId)
    .executeTakeFirst();
  if (!org) throw fail('body/organizationId', `no organisation "${organizationId}"`, 'organization_unknown');
  if (!rule.organizationKinds.includes(org.kind)) {
    throw fail(
      'body/organizationId',
      `a ${org.kind.replace(/_/g, ' ')} cannot take "${rule.code}" places`,
      'organization_kind',
    );
  }
  if (rule.requiresAccreditation) {
    const today = new Date(nowMs).toISOString().slice(0, 10);
    const current =
      org.status === 'accredited' &&
      (org.valid_from === null || org.valid_from <= today) &&
      (org.valid_until === null || org.valid_until >= today);
    if (!current)
      throw fail(
        'body/organizationId',
        'the organisation does not hold a current accreditation with the OAS',
        'not_accredited',
      );
    if (memberState && org.member_state !== memberState) {
      throw fail('body/organizationId', `the organisation is not from ${memberState}`, 'other_state');
    }
  }
  return { memberState, organizationId };
}

export interface InsertedRegistration {
  row: RegistrationRow;
  mail: QueuedMail[];
}

/** Writes the registration row (places already taken); shared by new registrations and substitutions. */
export async function insertRegistration(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  fields: {
    meetingId: string;
    category: string;
    target: Target;
    delegationId: string | null;
    status: 'nominated' | 'applied';
    person: NormalizedPerson;
    allocations: string[];
    overQuota: boolean;
    substitutesId?: string | null;
    createdBy: string | null;
    nominator: Acting['nominator'];
  },
): Promise<RegistrationRow> {
  const id = newId();
  const now = nowIso();
  const p = fields.person;
  return trx
    .insertInto('registration')
    .values({
      id,
      meeting_id: fields.meetingId,
      category: fields.category,
      member_state: fields.target.memberState,
      organization_id: fields.target.organizationId,
      delegation_id: fields.delegationId,
      status: fields.status,
      holds_place: 1,
      over_quota: fields.overQuota ? 1 : 0,
      allocations: json(fields.allocations),
      given_name: p.givenName,
      family_name: p.familyName,
      sort_name: sortName(p.familyName, p.givenName),
      title: p.title,
      position: p.position,
      institution: p.institution,
      email: p.email,
      phone: p.phone,
      gender: p.gender,
      preferred_lang: p.preferredLang,
      id_document: p.idDocumentNumber ? encryptSecret(deps.keys, p.idDocumentNumber, id) : null,
      public_consent: p.publicListConsent ? 1 : 0,
      decision_reason: null,
      decided_at: null,
      decided_by: null,
      substitutes_id: fields.substitutesId ?? null,
      substituted_by_id: null,
      check_in_code: newCheckInCode(),
      checked_in_at: null,
      checked_in_by: null,
      created_by: fields.createdBy,
      nominator_email: fields.nominator?.email ?? null,
      nominator_lang: fields.nominator?.lang ?? null,
      personal_data_purged_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** What the audit trail keeps of a person: which fields, masked by writeAudit. */
export function personAudit(p: NormalizedPerson) {
  return {
    givenName: { before: null, after: p.givenName },
    familyName: { before: null, after: p.familyName },
    email: { before: null, after: p.email },
    ...(p.idDocumentNumber ? { idDocument: { before: null, after: '[encrypted]' } } : {}),
  };
}

/**
 * Registers one person. Inside one transaction: the rules are read (shared lock on PostgreSQL),
 * the caller's right and the deadline checked, one place taken in each limited thing (a
 * conditional UPDATE per allocation row), the row written, the audit entry and the mails
 * recorded. Any failure rolls all of it back: no place is ever taken without its registration.
 */
export async function registerPerson(
  trx: Transaction<DB>,
  deps: ParticipationDeps,
  acting: Acting,
  meeting: { id: string; slug: string; title?: string },
  input: RegistrationInput,
  lang: Lang,
  nowMs = Date.now(),
): Promise<{ registration: ReturnType<typeof presentRegistration>; mail: QueuedMail[] }> {
  const rules = await readRules(trx, meeting.id, { engine: deps.engine, share: true });
  const rule = categoryRule(rules, input.category);
  if (!rule) {
    throw new AppError('unprocessable', `This meeting takes no "${input.category}" registrations.`, {
      errors: [{ path: 'body/category', message: 'is not a category of this meeting', reason: 'category_not_taken' }],
    });
  }
  const target = await resolveTarget(trx, rules, rule, input, nowMs);
  // Checked before the transaction on the rules then; checked again on the rules now.
  if (!canRegister(acting.ctx.actor, rule, target).allowed) {
    throw new AppError('forbidden', `You may not register people as "${rule.code}" here.`);
  }
  checkWindow(rules, acting.role, nowMs);
  if (input.override && !isAdminRole(acting.role)) {
    throw new AppError('forbidden', 'Only the secretariat may register beyond a limit.');
  }
  const person = normalizePerson(input.person, {
    path: 'body/person',
    fallbackLang: lang,
    requiresIdDocument: rules.requiresIdDocument,
  });
  const delegationId = await ensureDelegation(trx, meeting.id, rule, target);
  const taken = await takePlaces(trx, meeting.id, placesFor(rules, rule, target), input.override !== undefined);
  const applying = acting.role === 'self' || acting.role === 'public';
  const row = await insertRegistration(trx, deps, {
    meetingId: meeting.id,
    category: rule.code,
    target,
    delegationId,
    status: applying ? 'applied' : 'nominated',
    person,
    allocations: taken.keys,
    overQuota: taken.over.length > 0,
    createdBy: acting.ctx.actor.kind === 'user' ? acting.ctx.actor.userId : null,
    nominator: applying ? null : acting.nominator,
  });
  await writeAudit(trx, acting.ctx, {
    action: 'registration.create',
    objectType: 'registration',
    objectId: row.id,
    changes: {
      meeting: { before: null, after: meeting.slug },
      category: { before: null, after: rule.code },
      memberState: { before: null, after: target.memberState },
      organizationId: { before: null, after: target.organizationId },
      status: { before: null, after: row.status },
      ...personAudit(person),
    },
  });
  if (input.override && taken.over.length > 0) {
    await writeAudit(trx, acting.ctx, {
      action: 'registration.override',
      objectType: 'registration',
      objectId: row.id,
      changes: {
        places: { before: null, after: taken.over },
        overrideReason: { before: null, after: input.override.reason },
      },
    });
  }
  const names = await loadNames(trx, lang, {
    memberStates: target.memberState ? [target.memberState] : [],
    organizations: target.organizationId ? [target.organizationId] : [],
  });
  const known = meeting.title === undefined ? undefined : { title: meeting.title, slug: meeting.slug };
  const mail = await registrationMail(trx, deps, row, 'received', known);
  return { registration: presentRegistration(row, names), mail };
}
