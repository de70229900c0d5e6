/**
 * `npm run bench`: autocannon against the agenda API and a bare route of the same server, in
 * one run, on this machine. Prints req/s and p99 latency of both and their ratio.
 * Target (foundation issue): the agenda at 70% or more of the bare route's throughput. A third
 * route sends the agenda's bytes as a constant, to show how much of the gap is payload size.
 * BENCH_DURATION (seconds, default 10) and BENCH_CONNECTIONS (default 50) tune the run.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const server = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./server.ts', import.meta.url))], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, NODE_ENV: 'production' },
});
const first = await new Promise<string>((resolve, reject) => {
  const lines = createInterface({ input: server.stdout! });
  lines.once('line', resolve);
  server.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
});
const { port, engine } = JSON.parse(first) as { port: number; engine: string };

async function measure(title: string, path: string) {
  const url = `http://127.0.0.1:${port}${path}`;
  // A short warm-up so the JIT and caches are in their steady state before measuring.
  await autocannon({ url, connections, duration: 2 });
  const r = await autocannon({ url, connections, duration, title });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { title, path, rps: r.requests.average, p99: r.latency.p99 };
}

try {
  const bare = await measure('bare route', '/bench/bare');
  const same = await measure('constant agenda-sized payload', '/bench/same-payload');
  const agenda = await measure('agenda (fr)', '/api/meetings/oas-iom-tip-2005/agenda?lang=fr');
  const rows = [bare, same, agenda].map((m) => ({ route: m.path, 'req/s': Math.round(m.rps), 'p99 ms': m.p99 }));
  console.log(`\nContinental benchmark — ${engine}, ${connections} connections, ${duration}s per route`);
  console.table(rows);
  const ratio = agenda.rps / bare.rps;
  console.log(`agenda / bare throughput: ${(ratio * 100).toFixed(1)}% (target ≥ 70%)`);
  console.log(
    `agenda / constant payload of the same size: ${((agenda.rps / same.rps) * 100).toFixed(1)}% ` +
      `(the share lost to our handler rather than to moving the bytes)`,
  );
  process.exitCode = ratio >= 0.7 ? 0 : 1;
} finally {
  server.kill('SIGTERM');
}
