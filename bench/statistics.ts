/**
 * `npm run bench:statistics` (and the `statistics` part of `npm run bench`): the public
 * statistics endpoints at scale, on SQLite or, with DATABASE_URL, on PostgreSQL (a new database
 * is created on that server for each size and dropped afterwards).
 *
 * For each size (BENCH_STATS_SIZES, default `base,million`) a server is started in a child
 * process on freshly generated validated reports (see statistics-data.ts): `base` is 35 states ×
 * 20 years × every indicator and breakdown (34,300 figures), `million` adds synthetic indicators
 * up to 1,000,000. Then, over HTTP with keep-alive, BENCH_STATS_REQUESTS (default 400) requests
 * per route with random states, years and indicators, BENCH_STATS_CONNECTIONS (default 1) at a
 * time, after a warm-up: the bare route of the same server, the dashboard's data queries, the
 * regional aggregates and the scorecard (all with suppression applied); for information, one
 * indicator in one year across states, one indicator's first page, and unfiltered pages of 1,000
 * walked by cursor. Prints p50 and p99 of each.
 *
 * Target (issue 7): p99 under 50 ms for the dashboard's routes at 1,000,000 figures; the exit
 * status is 1 when it is missed or an answer is not 200.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const REQUESTS = Number(process.env.BENCH_STATS_REQUESTS ?? 400);
const CONNECTIONS = Number(process.env.BENCH_STATS_CONNECTIONS ?? 1);
const SIZES = (process.env.BENCH_STATS_SIZES ?? 'base,million').split(',').map((s) => s.trim());
const TARGET_MS = 50;
const REGIONS = ['hemisphere', 'north_america', 'central_america', 'caribbean', 'south_america'];

interface Started {
  port: number;
  engine: string;
  rows: number;
  seconds: number;
  states: string[];
  years: number[];
  indicators: string[];
}

function startServer(scale: string): Promise<{ child: ChildProcess; info: Started }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./statistics-server.ts', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production', BENCH_STATS_SCALE: scale } },
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as Started }));
    child.once('exit', (code) => reject(new Error(`statistics bench server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let seed = 11;
const random = () => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 2 ** 32;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;

/** One GET over a kept-alive connection; resolves with the status, the body and the milliseconds taken. */
function get(agent: Agent, port: number, path: string): Promise<{ status: number; body: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - t0,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Measured {
  route: string;
  p50: number;
  p99: number;
  max: number;
  rows: number;
  suppressed: number;
  targeted: boolean;
}

/** Runs `next()` paths REQUESTS times over CONNECTIONS connections, after a warm-up of a tenth. */
async function measure(port: number, route: string, next: () => string, targeted: boolean): Promise<Measured> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const samples: number[] = [];
  let rows = 0;
  let suppressed = 0;
  const warm = Math.max(10, Math.floor(REQUESTS / 10));
  let issued = 0;
  const worker = async () => {
    while (issued < warm + REQUESTS) {
      const n = issued++;
      const path = next();
      const r = await get(agent, port, path);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.body.slice(0, 300)}`);
      if (n < warm) continue;
      samples.push(r.ms);
      const body = JSON.parse(r.body) as { data?: { suppressed?: boolean }[] };
      rows += body.data?.length ?? 1;
      suppressed += body.data?.filter((p) => p.suppressed).length ?? 0;
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  agent.destroy();
  samples.sort((a, b) => a - b);
  const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
  return {
    route,
    p50: at(0.5),
    p99: at(0.99),
    max: samples.at(-1) ?? 0,
    rows: rows / samples.length,
    suppressed,
    targeted,
  };
}

/**
 * The paths of a walk through the unfiltered pages (back to the first after the last). Each page
 * needs the previous answer's cursor, so the walk is made once untimed to collect them; the timed
 * run then asks for the same pages (the server keeps no state between pages).
 */
function pageWalker(port: number) {
  let cursor: string | null = null;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return async () => {
    const path = `/api/statistics/data?limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
    const r = await get(agent, port, path);
    cursor = (JSON.parse(r.body) as { nextCursor: string | null }).nextCursor;
    return path;
  };
}

const ms = (n: number) => n.toFixed(1);
let failed = false;

for (const size of SIZES) {
  if (size !== 'base' && size !== 'million') throw new Error(`BENCH_STATS_SIZES: base or million, got "${size}"`);
  console.log(`\nstatistics (${size}): generating …`);
  const { child, info } = await startServer(size);
  try {
    const { port, states, years, indicators } = info;
    console.log(
      `${info.engine}: ${info.rows.toLocaleString('en')} validated figures (${states.length} states × ${years.length} years × ${indicators.length} indicators) generated in ${info.seconds.toFixed(1)} s`,
    );
    const walk = pageWalker(port);
    const walkPaths: string[] = [];
    for (let i = 0; i < Math.max(10, Math.floor(REQUESTS / 10)) + REQUESTS; i++) walkPaths.push(await walk());
    let w = 0;
    const results = [
      await measure(port, 'bare route /bench/bare', () => '/bench/bare', false),
      await measure(
        port,
        'data?indicator&state',
        () => `/api/statistics/data?indicator=${pick(indicators)}&state=${pick(states)}`,
        true,
      ),
      await measure(
        port,
        'data?indicator&state&year',
        () => `/api/statistics/data?indicator=${pick(indicators)}&state=${pick(states)}&year=${pick(years)}`,
        true,
      ),
      await measure(
        port,
        'aggregates?indicator&year&region',
        () => `/api/statistics/aggregates?indicator=${pick(indicators)}&year=${pick(years)}&region=${pick(REGIONS)}`,
        true,
      ),
      await measure(
        port,
        'scorecard/:iso3/:year',
        () => `/api/statistics/scorecard/${pick(states)}/${pick(years)}`,
        true,
      ),
      // For information, outside the target: the other shapes a dashboard may ask for.
      await measure(
        port,
        'data?indicator&year',
        () => `/api/statistics/data?indicator=${pick(indicators)}&year=${pick(years)}`,
        false,
      ),
      await measure(
        port,
        'data?indicator (first page)',
        () => `/api/statistics/data?indicator=${pick(indicators)}`,
        false,
      ),
      await measure(port, 'data?limit=1000 (walked by cursor)', () => walkPaths[w++ % walkPaths.length]!, false),
    ];
    console.log(
      `\nStatistics — ${info.engine}, ${info.rows.toLocaleString('en')} figures, ${REQUESTS} requests per route, ${CONNECTIONS} connection(s)`,
    );
    console.table(
      results.map((r) => ({
        route: r.route,
        'p50 ms': ms(r.p50),
        'p99 ms': ms(r.p99),
        'max ms': ms(r.max),
        'rows/answer': Math.round(r.rows),
        'suppressed cells seen': r.suppressed,
      })),
    );
    const dashboard = results.filter((r) => r.targeted);
    if (dashboard.every((r) => r.suppressed === 0)) {
      console.log('no suppressed cell in any answer: the data does not exercise suppression ✗');
      failed = true;
    }
    if (size === 'million') {
      const worst = Math.max(...dashboard.map((r) => r.p99));
      const met = worst < TARGET_MS;
      console.log(
        `target p99 < ${TARGET_MS} ms at 1,000,000 figures: worst dashboard p99 ${ms(worst)} ms ${met ? '✓' : '✗ TARGET MISSED'}`,
      );
      if (!met) failed = true;
    }
  } finally {
    await stopServer(child);
  }
}
process.exitCode = failed ? 1 : 0;
