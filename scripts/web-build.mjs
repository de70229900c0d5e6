import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['web', 'shared', 'locales', 'index.html', 'vite.config.ts', 'package-lock.json'];
const STAMP = join(root, 'dist/web/index.html');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

/** Builds the web app when dist/web is missing or older than any of its sources. */
export function buildWebIfStale() {
  const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  if (built >= sources) return false;
  console.log(built ? 'Web build is stale; rebuilding…' : 'No web build yet; building…');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) {
    throw new Error('The web app is not built and Vite is not installed: run `npm ci` (with dev dependencies) first.');
  }
  // Always a production build, whatever NODE_ENV the caller runs under (Vitest sets "test").
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error('web build failed');
  return true;
}
