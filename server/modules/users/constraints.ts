export type Violation = 'unique' | 'check' | 'foreign_key';

const SQLITE: Record<string, Violation> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_CHECK: 'check',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
};
const POSTGRES: Record<string, Violation> = { '23505': 'unique', '23514': 'check', '23503': 'foreign_key' };

/**
 * Which constraint a failed write broke, on either engine. The database is the last word on
 * uniqueness and scope (two requests can both pass a check made before the insert), so use
 * cases map these to 400/409 problems instead of letting them surface as 500s.
 */
export function constraintViolation(err: unknown): Violation | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  const code = String(err.code);
  return SQLITE[code] ?? POSTGRES[code] ?? null;
}
