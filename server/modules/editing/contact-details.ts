import type { Kysely, Transaction } from 'kysely';
import type { ContactDetails } from '../../../shared/schemas/editing.js';
import { writeAudit, type AuditContext } from '../../audit/audit.js';
import { newId, nowIso } from '../../db/ids.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { auditChanges } from './audit-changes.js';
import type { ContactOwner } from './policy.js';
import { Issues } from './validation.js';

type Db = Kysely<DB> | Transaction<DB>;

const EMPTY: ContactDetails = { office: null, email: null, phone: null, address: null, website: null };
const ownerColumn = (owner: ContactOwner) => (owner.type === 'member_state' ? 'member_state' : 'organization_id');

async function ownerExists(db: Db, owner: ContactOwner): Promise<boolean> {
  const row =
    owner.type === 'member_state'
      ? await db.selectFrom('member_state').select('iso3').where('iso3', '=', owner.id).executeTakeFirst()
      : await db.selectFrom('organization').select('id').where('id', '=', owner.id).executeTakeFirst();
  return row !== undefined;
}

async function findContact(db: Db, owner: ContactOwner): Promise<ContactDetails | null> {
  const row = await db
    .selectFrom('contact_details')
    .select(['office', 'email', 'phone', 'address', 'website'])
    .where(ownerColumn(owner), '=', owner.id)
    .executeTakeFirst();
  return row ?? null;
}

function notFound(owner: ContactOwner): AppError {
  return new AppError(
    'not_found',
    owner.type === 'member_state' ? `No member state "${owner.id}".` : `No organisation "${owner.id}".`,
  );
}

/** A state's or organisation's contact details; all null when none were given yet. */
export async function readContactDetails(db: Kysely<DB>, owner: ContactOwner): Promise<ContactDetails> {
  if (!(await ownerExists(db, owner))) throw notFound(owner);
  return (await findContact(db, owner)) ?? EMPTY;
}

/** Trims and NFC-normalises; a blank field means "not given". Websites must be http(s) (no javascript: links). */
function clean(input: ContactDetails): ContactDetails {
  const issues = new Issues();
  const text = (v: string | null) => {
    const t = v?.normalize('NFC').trim() ?? '';
    return t === '' ? null : t;
  };
  const out: ContactDetails = {
    office: text(input.office),
    email: text(input.email),
    phone: text(input.phone),
    address: text(input.address),
    website: text(input.website),
  };
  if (out.website !== null) {
    let url: URL | null = null;
    try {
      url = new URL(out.website);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname.includes('.')) {
      issues.add('body/website', 'must be a full http:// or https:// address');
    }
  }
  issues.throwIfAny();
  return out;
}

/** Replaces the contact details; the change and its audit entry commit together. */
export async function updateContactDetails(
  db: Kysely<DB>,
  ctx: AuditContext,
  owner: ContactOwner,
  input: ContactDetails,
): Promise<ContactDetails> {
  const next = clean(input);
  return db.transaction().execute(async (trx) => {
    if (!(await ownerExists(trx, owner))) throw notFound(owner);
    const before = await findContact(trx, owner);
    const now = nowIso();
    await trx
      .insertInto('contact_details')
      .values({
        id: newId(),
        member_state: owner.type === 'member_state' ? owner.id : null,
        organization_id: owner.type === 'organization' ? owner.id : null,
        ...next,
        updated_at: now,
      })
      // Two first edits at once: the unique owner column turns the second insert into an update.
      .onConflict((oc) => oc.column(ownerColumn(owner)).doUpdateSet({ ...next, updated_at: now }))
      .execute();
    await writeAudit(trx, ctx, {
      action: 'contact.update',
      objectType: owner.type,
      objectId: owner.id,
      changes: auditChanges(before ?? EMPTY, next),
    });
    return next;
  });
}
