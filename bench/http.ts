import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { growModel } from '../seeds/synthetic.ts';

/**
 * `npm run bench -- --http`: the app over HTTP, as `npm start` runs it, on the seeded model (1×) and
 * on one grown 100× (seeds/synthetic.ts), beside a bare Hono hello-world on @hono/node-server, all
 * in the same run: per page the median req/s, p50/p99 latency, bytes per answer and the ratio to
 * hello-world; then each server's RSS after its run and the start time on the existing 100×
 * database. autocannon, 20 connections, BENCH_SECONDS (5) per page, as an anonymous reader whose
 * browser accepts brotli and gzip. The machine is shared and noisy: read the ratios within a run.
 *
 * The databases are built once under data/bench/ and reused (BENCH_REBUILD=1 builds them again).
 */
const root = new URL('../', import.meta.url).pathname;
const factors = (process.env.BENCH_FACTORS ?? '1,100').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const paths = (
  process.env.BENCH_PATHS ??
  [
    '/',
    '/informasjonstjenester',
    '/informasjonstjenester/multidose',
    '/matriser/personellgrupper',
    '/matriser/aktorer',
    '/gapanalyse',
    '/krav',
    '/diagrammer/forste-leveranse',
    '/api/model',
    '/vurdering/dashbord?sorter=omstridt',
    '/horing',
  ].join(',')
).split(',');
const browserHeaders = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'nb-NO,nb;q=0.9' };

/** A database file at `factor` × the seed, built once for this set of migrations. */
async function database(factor: number): Promise<string> {
  const dir = join(root, 'data', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${factor}x-${Object.keys(migrations).length}.db`);
  if (existsSync(file) && process.env.BENCH_REBUILD !== '1') return file;
  const building = `${file}.bygges`;
  rmSync(building, { force: true });
  const t0 = performance.now();
  const db = openDatabase(building);
  await migrateToLatest(db);
  await seedDatabase(db);
  if (factor > 1) await growModel(db, factor, { now: new Date() });
  await db.destroy();
  for (const suffix of ['-wal', '-shm']) rmSync(building + suffix, { force: true });
  renameSync(building, file);
  console.error(`Bygde ${file} på ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return file;
}

interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
}

let nextPort = 3900 + Math.floor(Math.random() * 50);

/** Starts `script` with node (one process, so its RSS is the server's) and waits until it answers. */
async function start(script: string, env: Record<string, string>, probe: string): Promise<Server> {
  const port = nextPort++;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} stoppet med kode ${child.exitCode}`);
    try {
      const res = await fetch(url + probe);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { url, child, startMs: performance.now() - t0 };
}

function rssMb(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  html: number;
  errors: number;
}

async function measure(url: string): Promise<Figures> {
  const plain = await fetch(url);
  const html = (await plain.arrayBuffer()).byteLength;
  const sent = await fetch(url, { headers: browserHeaders });
  const status = sent.status;
  // fetch decodes the body; the bytes on the wire are what the server said it sent.
  const bytes = Number(sent.headers.get('content-length') ?? html);
  await sent.arrayBuffer();
  const result = await autocannon({ url, connections, duration: seconds, headers: browserHeaders });
  return {
    rps: result.requests.p50,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes,
    html,
    errors: result.non2xx + result.errors + (status === 200 ? 0 : 1),
  };
}

const kb = (n: number) => (n >= 10_240 ? `${Math.round(n / 1024)} KB` : `${(n / 1024).toFixed(1)} KB`);
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(x / of < 0.01 ? 2 : 1)} %`;

const files = new Map<number, string>();
for (const factor of factors) files.set(factor, await database(factor));

// The yardstick first, then each database, one server at a time so that they do not compete.
const hello = await start('bench/hello.ts', {}, '/');
const helloFigures = await measure(`${hello.url}/`);
const helloRss = rssMb(hello.child);
hello.child.kill();

const rows = new Map<string, Map<number, Figures>>();
const servers = new Map<number, { startMs: number; rss: number }>();
for (const factor of factors) {
  const app = await start('src/server.ts', { DATABASE_FILE: files.get(factor)! }, '/healthz');
  for (const path of paths) {
    const figures = await measure(app.url + path);
    const row = rows.get(path) ?? new Map<number, Figures>();
    row.set(factor, figures);
    rows.set(path, row);
  }
  servers.set(factor, { startMs: app.startMs, rss: rssMb(app.child) });
  app.child.kill();
}

console.log(
  `autocannon, ${connections} forbindelser, ${seconds} s per side, anonym leser med brotli/gzip; median req/s over sekundene. ` +
    `Hono hello-world: ${Math.round(helloFigures.rps).toLocaleString('en')} req/s, p50 ${helloFigures.p50} ms, p99 ${helloFigures.p99} ms, RSS ${Math.round(helloRss)} MB.`,
);
const header = ['page', ...factors.flatMap((f) => [`${f}× req/s`, `${f}× of hello`, `${f}× p50 / p99 ms`, `${f}× bytes (HTML)`])];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const path of paths) {
  const row = rows.get(path)!;
  const cells = factors.flatMap((f) => {
    const r = row.get(f)!;
    return [
      `${Math.round(r.rps).toLocaleString('en')}${r.errors ? ` (${r.errors} feil)` : ''}`,
      pct(r.rps, helloFigures.rps),
      `${r.p50} / ${r.p99}`,
      `${kb(r.bytes)} (${kb(r.html)})`,
    ];
  });
  console.log(`| \`${path}\` | ${cells.join(' | ')} |`);
}
for (const factor of factors) {
  const s = servers.get(factor)!;
  console.log(`${factor}×: start ${(s.startMs / 1000).toFixed(2)} s på eksisterende database, RSS etter kjøringen ${Math.round(s.rss)} MB.`);
}
