import { buildApp, type BuildOptions } from '../app.js';
import { loadConfig } from '../config.js';
import type { App } from '../http/types.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestApp {
  app: App;
  database: TestDatabase;
  close(): Promise<void>;
}

/** An app on its own fresh database, without the web build, logging only errors; `env` adds configuration. */
export async function buildTestApp(
  options: Pick<BuildOptions, 'beforeRoutes'> & { env?: Record<string, string> } = {},
): Promise<TestApp> {
  const { env = {}, ...build } = options;
  const database = await createTestDatabase();
  const config = {
    ...loadConfig({ PUBLIC_URL: 'https://continental.example.org', ...env }),
    serveWeb: false,
    dataDir: database.dataDir,
  };
  const app = await buildApp({ config, database, logger: { level: 'error' }, ...build });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
