import type { DB } from './schema.js';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import * as m20261128T1700 from './migrations/20261128T1700-reference-meetings-agenda.js';
import * as m20261128T1800 from './migrations/20261128T1800-accounts-audit.js';
import * as m20261128T2000 from './migrations/20261128T2000-participation.js';
import * as m20261128T2100 from './migrations/20261128T2100-treaties.js';
import * as m20261128T2110 from './migrations/20261128T2110-national-framework.js';
import * as m20261128T2200 from './migrations/20261128T2200-documents.js';
import * as m20261128T2300 from './migrations/20261128T2300-files-and-search.js';
import * as m20261129T0000 from './migrations/20261129T0000-practices.js';
import * as m20261129T0100 from './migrations/20261129T0100-statistics.js';
import * as m20261129T0250 from './migrations/20261129T0250-search-tags.js';

/*
 * The ordered list of migrations. A static list rather than a folder scan: it works the same
 * under tsx, in a bundle and in tests, and a new migration cannot be skipped by a file glob.
 * Never edit a migration that has landed; add a new one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '20261128T1700-reference-meetings-agenda': m20261128T1700,
  '20261128T1800-accounts-audit': m20261128T1800,
  '20261128T2000-participation': m20261128T2000,
  '20261128T2100-treaties': m20261128T2100,
  '20261128T2110-national-framework': m20261128T2110,
  '20261128T2200-documents': m20261128T2200,
  '20261128T2300-files-and-search': m20261128T2300,
  '20261129T0000-practices': m20261129T0000,
  '20261129T0100-statistics': m20261129T0100,
  '20261129T0250-search-tags': m20261129T0250,
};

class StaticProvider implements MigrationProvider {
  getMigrations(): Promise<Record<string, Migration>> {
    return Promise.resolve(MIGRATIONS);
  }
}

export async function migrateToLatest(db: Kysely<DB>): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results ?? [];
}
