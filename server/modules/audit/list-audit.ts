import { sql, type Kysely, type Selectable } from 'kysely';
import { AUDIT_PAGE_DEFAULT, type AuditEntry, type AuditPage, type AuditQuery } from '../../../shared/schemas/audit.js';
import { parseJson } from '../../db/json.js';
import type { AuditLogTable, DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

/** Opaque to clients; `at|id` of the last entry shown, so a page never skips or repeats an entry. */
export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: string } {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !id || Number.isNaN(Date.parse(at))) {
    throw new AppError('validation_failed', 'The cursor is not one this API gave out.', {
      errors: [{ path: 'querystring/cursor', message: 'invalid cursor' }],
    });
  }
  return { at, id };
}

/** Instants are stored as toISOString() text, which sorts as time; a client's offset form is converted. */
function instant(value: string, field: 'from' | 'to'): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new AppError('validation_failed', `${field} is not an instant.`, {
      errors: [{ path: `querystring/${field}`, message: 'must be an ISO 8601 date-time' }],
    });
  }
  return new Date(ms).toISOString();
}

/** LIKE treats % and _ as wildcards; `!` escapes them (a backslash would read differently across engines). */
const likeContains = (text: string): string => `%${text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`)}%`;

function present(row: Selectable<AuditLogTable>): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorType: row.actor_type,
    actorLabel: row.actor_label,
    role: row.role,
    action: row.action,
    outcome: row.outcome as AuditEntry['outcome'],
    objectType: row.object_type,
    objectId: row.object_id,
    changes: parseJson<AuditEntry['changes']>(row.changes, 'audit_log.changes'),
    requestId: row.request_id,
    ip: row.ip,
  };
}

/** One page of the trail, newest first, with the cursor of the next page (null on the last). */
export async function listAudit(db: Kysely<DB>, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? AUDIT_PAGE_DEFAULT;
  let q = db.selectFrom('audit_log').selectAll();
  if (query.action) {
    // substr, not LIKE: actions contain `_`, and the match must be case-sensitive on both engines.
    q = q.where(sql<string>`substr(action, 1, ${sql.lit(query.action.length)})`, '=', query.action);
  }
  if (query.actor) q = q.where(sql<boolean>`lower(actor_label) like ${likeContains(query.actor)} escape '!'`);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.objectId) q = q.where('object_id', '=', query.objectId);
  if (query.outcome) q = q.where('outcome', '=', query.outcome);
  if (query.from) q = q.where('at', '>=', instant(query.from, 'from'));
  if (query.to) q = q.where('at', '<', instant(query.to, 'to'));
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    q = q.where((eb) => eb.or([eb('at', '<', c.at), eb.and([eb('at', '=', c.at), eb('id', '<', c.id)])]));
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
  };
}
