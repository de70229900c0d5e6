import type { Static } from 'typebox';
import { sql, type Kysely } from 'kysely';
import type { Lang } from '../../../shared/lang.js';
import type { RegistrationListQuerySchema } from '../../../shared/schemas/participation.js';
import type { Actor } from '../../auth/actor.js';
import type { Keys } from '../../auth/crypto.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';
import { sortName } from './person.js';
import { loadNames, presentRegistration } from './presenter.js';
import { visibleScope } from './policy.js';

type Query = Static<typeof RegistrationListQuerySchema>;

const DEFAULT_LIMIT = 50;

/** Cursors are opaque to clients: the last row's sort key and id, so pages hold under inserts. */
const encodeCursor = (sortKey: string, id: string): string =>
  Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // falls through to the error below
  }
  throw new AppError('bad_request', 'The cursor is not one this list gave out.', {
    errors: [{ path: 'querystring/cursor', message: 'is not valid' }],
  });
}

/** Registrations by family name, narrowed to what the caller acts for (a focal point: their state only). */
export async function listRegistrations(
  db: Kysely<DB>,
  meetingId: string,
  query: Query,
  lang: Lang,
  actor: Actor,
  keys: Keys | null,
) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  let q = db.selectFrom('registration').where('meeting_id', '=', meetingId);
  const scope = visibleScope(actor);
  if (scope) {
    const { memberStates, organizations } = scope;
    q = q.where((eb) =>
      eb.or([
        eb('member_state', 'in', memberStates.length ? memberStates : ['']),
        eb('organization_id', 'in', organizations.length ? organizations : ['']),
      ]),
    );
  }
  if (query.status) q = q.where('status', '=', query.status);
  if (query.category) q = q.where('category', '=', query.category);
  if (query.memberState) q = q.where('member_state', '=', query.memberState);
  if (query.organizationId) q = q.where('organization_id', '=', query.organizationId);
  if (query.q?.trim()) {
    // sort_name is accent- and case-folded; the query is folded the same way.
    const needle = sortName(query.q.trim(), '')
      .trim()
      .replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where(
      sql<boolean>`(sort_name like ${`%${needle}%`} escape '\\' or lower(email) like ${`%${needle}%`} escape '\\')`,
    );
  }
  const total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  let page = q.selectAll();
  if (query.cursor) {
    const [key, id] = decodeCursor(query.cursor);
    page = page.where((eb) =>
      eb.or([eb('sort_name', '>', key), eb.and([eb('sort_name', '=', key), eb('id', '>', id)])]),
    );
  }
  const rows = await page
    .orderBy('sort_name')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const names = await loadNames(db, lang);
  const heads = new Set(
    (
      await db
        .selectFrom('delegation')
        .select('head_registration_id')
        .where('meeting_id', '=', meetingId)
        .where('head_registration_id', 'is not', null)
        .execute()
    ).map((d) => d.head_registration_id),
  );
  const last = shown[shown.length - 1];
  return {
    items: shown.map((r) => presentRegistration(r, names, { isHead: heads.has(r.id), keys })),
    nextCursor: more && last ? encodeCursor(last.sort_name, last.id) : null,
    total,
  };
}
