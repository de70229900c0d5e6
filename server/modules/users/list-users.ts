import { sql, type Kysely } from 'kysely';
import type { Role, RoleAssignment } from '../../../shared/roles.js';
import type { User, UserList } from '../../../shared/schemas/users.js';
import type { DB } from '../../db/schema.js';
import { USER_COLUMNS, presentUser } from './presenter.js';

export interface UserFilter {
  role?: Role;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** `%` and `_` typed in the search box are literal characters, not wildcards. */
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every assignment of these users, in one query, grouped by user. */
async function assignmentsOf(db: Kysely<DB>, userIds: string[]): Promise<Map<string, RoleAssignment[]>> {
  const byUser = new Map<string, RoleAssignment[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return byUser;
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'user_id', 'role', 'member_state', 'organization_id'])
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    byUser.get(r.user_id)?.push({
      id: r.id,
      role: r.role as Role,
      memberState: r.member_state,
      organizationId: r.organization_id,
    });
  }
  return byUser;
}

/** Users by name, filtered by role and by a fragment of name or email, one page at a time. */
export async function listUsers(db: Kysely<DB>, filter: UserFilter): Promise<UserList> {
  const page = filter.page ?? 1;
  const pageSize = filter.pageSize ?? 50;
  let query = db.selectFrom('app_user');
  if (filter.role) {
    const role = filter.role;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('role_assignment')
          .select('role_assignment.id')
          .whereRef('role_assignment.user_id', '=', 'app_user.id')
          .where('role_assignment.role', '=', role),
      ),
    );
  }
  const q = filter.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    // lower() on both sides: LIKE ignores case on SQLite but not on PostgreSQL.
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(app_user.name)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`lower(app_user.email)`, 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select(USER_COLUMNS)
      .orderBy(sql`lower(app_user.name)`)
      .orderBy('app_user.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const roles = await assignmentsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentUser(r, roles.get(r.id) ?? [])),
    page,
    pageSize,
    total: Number(total),
  };
}

export async function findUser(db: Kysely<DB>, userId: string): Promise<User | null> {
  const row = await db.selectFrom('app_user').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
  if (!row) return null;
  return presentUser(row, (await assignmentsOf(db, [row.id])).get(row.id) ?? []);
}
