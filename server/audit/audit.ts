import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { newId, nowIso } from '../db/ids.js';
import type { DB } from '../db/schema.js';

/** Who did it, in which role, from where: taken from the request (or the command line). */
export interface AuditContext {
  actor: Actor;
  role: string | null;
  requestId: string | null;
  ip: string | null;
}

export type Change = { before: unknown; after: unknown };

export interface AuditEntry {
  action: string;
  outcome?: 'success' | 'denied' | 'failure';
  objectType?: string;
  objectId?: string | null;
  changes?: Record<string, Change>;
}

const SECRET = /password|secret|token|hash|recovery|code$/i;
const PERSONAL = /email|phone|name|address|birth|document|passport/i;

/** Masks personal data: enough to recognise a change, not enough to learn the value. */
export function maskValue(field: string, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET.test(field)) return '[redacted]';
  if (!PERSONAL.test(field) || typeof value !== 'string') return value;
  if (field.toLowerCase().includes('email')) {
    const [local = '', domain = ''] = value.split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return value.length <= 2 ? '***' : `${value.slice(0, 1)}***${value.slice(-1)}`;
}

export function maskChanges(changes: Record<string, Change>): Record<string, Change> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, c]) => [
      field,
      { before: maskValue(field, c.before), after: maskValue(field, c.after) },
    ]),
  );
}

/** Before/after of the fields that differ; unchanged fields are not recorded. */
export function diff<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
): Record<string, Change> {
  const out: Record<string, Change> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const b = before?.[k] ?? null;
    const a = after?.[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

function actorFields(actor: Actor) {
  switch (actor.kind) {
    case 'user':
      return { actor_type: actor.via === 'token' ? 'token' : 'user', actor_id: actor.userId, actor_label: actor.email };
    case 'cli':
      return { actor_type: 'cli', actor_id: null, actor_label: actor.label };
    default:
      return { actor_type: 'anonymous', actor_id: null, actor_label: null };
  }
}

/**
 * Appends one entry. Call it with the transaction that makes the change, so the change and its
 * record commit or roll back together; the table itself refuses updates and deletes.
 */
export async function writeAudit(
  db: Kysely<DB> | Transaction<DB>,
  ctx: AuditContext,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: nowIso(),
      ...actorFields(ctx.actor),
      role: ctx.role,
      action: entry.action,
      outcome: entry.outcome ?? 'success',
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      changes: JSON.stringify(maskChanges(entry.changes ?? {})),
      request_id: ctx.requestId,
      ip: ctx.ip,
    })
    .execute();
}
