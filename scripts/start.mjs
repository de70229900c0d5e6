// `npm start`: build the web app if needed, then migrate, seed and serve (server/main.ts).
import { register } from 'tsx/esm/api';
import { buildWebIfStale } from './web-build.mjs';

try {
  buildWebIfStale();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
register();
await import('../server/main.ts');
