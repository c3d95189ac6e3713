import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { createUser } from '../src/commands/users.ts';
import { copyDatabase } from '../src/db/copy.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { database, root, rssMb, start, startApp } from './servers.ts';

/**
 * `npm run bench -- --http`: the app over HTTP, as `npm start` runs it, on the seeded model (1×) and
 * on one grown 100× (seeds/synthetic.ts), beside a bare Hono hello-world on @hono/node-server, all
 * in the same run: per page the median req/s, p50/p99 latency, bytes per answer and the ratio to
 * hello-world; then each server's RSS after its run and the start time on the existing 100×
 * database. autocannon, 20 connections, BENCH_SECONDS (5) per page, as an anonymous reader whose
 * browser accepts brotli and gzip. The machine is shared and noisy: read the ratios within a run.
 *
 * The databases are built once under data/bench/ and reused (BENCH_REBUILD=1 builds them again).
 *
 * PostgreSQL column: with a server at BENCH_DATABASE_URL (default TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres when that answers), the same pages on copies of the
 * same databases there (made once with copy-db, `akson_bench_<N>x_<migrations>`), and a write
 * burst on each engine: BENCH_BURST (300) concurrent `POST /mal` split over two app processes on
 * one database (SQLite: one file; PostgreSQL: one database), with req/s, p50/p99 and errors.
 *
 * Part of it: BENCH_PATHS (comma-separated pages), BENCH_FACTORS, BENCH_ENGINES=sqlite (no
 * PostgreSQL even when a server answers), BENCH_BURST=0 (no write burst), BENCH_REST=0 (no second
 * RSS reading after a rest).
 */
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
    '/api/model?cursor=',
    '/vurdering/dashbord',
    '/vurdering/dashbord?sorter=omstridt',
    '/horing',
  ].join(',')
).split(',');
const browserHeaders = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'nb-NO,nb;q=0.9' };

const pgBase = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const burstSize = Number(process.env.BENCH_BURST ?? 300);
/** `BENCH_ENGINES=sqlite` measures SQLite alone even when a PostgreSQL server answers. */
const wantedEngines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');

async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgBase, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function pgUrl(name: string): string {
  const url = new URL(pgBase);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A PostgreSQL copy of the SQLite bench database at `factor`, made once with copy-db. */
async function pgDatabase(factor: number, file: string): Promise<string> {
  const name = `akson_bench_${factor}x_${Object.keys(migrations).length}`;
  const exists = await pgAdmin(async (c) => (await c.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0);
  if (exists && process.env.BENCH_REBUILD !== '1') return pgUrl(name);
  const t0 = performance.now();
  await pgAdmin(async (c) => {
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
  });
  const source = openDatabase(file);
  const target = openDatabase(pgUrl(name), { poolSize: 2 });
  try {
    await copyDatabase(source, target);
  } finally {
    await source.destroy();
    await target.destroy();
  }
  console.error(`Kopierte ${factor}× til PostgreSQL (${name}) på ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
  return pgUrl(name);
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

// PostgreSQL, when a server answers.
const pgUrls = new Map<number, string>();
const withPostgres = wantedEngines.includes('postgres') && (await pgAdmin(async () => true).catch(() => false));
if (withPostgres) for (const factor of factors) pgUrls.set(factor, await pgDatabase(factor, files.get(factor)!));
else if (wantedEngines.includes('postgres')) console.error(`Ingen PostgreSQL svarer på ${pgBase}: bare SQLite måles.`);

// The yardstick first, then each database, one server at a time so that they do not compete.
const hello = await start('bench/hello.mjs', {}, '/');
const helloFigures = await measure(`${hello.url}/`);
const helloRss = rssMb(hello.child);
hello.child.kill();

type Engine = 'sqlite' | 'postgres';
const engines: Engine[] = withPostgres ? ['sqlite', 'postgres'] : ['sqlite'];
const envFor = (engine: Engine, factor: number): Record<string, string> =>
  engine === 'sqlite' ? { DATABASE_FILE: files.get(factor)!, DATABASE_URL: '' } : { DATABASE_URL: pgUrls.get(factor)! };

const rows = new Map<string, Map<string, Figures>>();
const servers = new Map<string, { startMs: number; rss: number; rested: number }>();
/**
 * RSS is read right after the last page, and again after BENCH_REST seconds (10) without
 * requests: V8's memory reducer starts 8 s after the load stops, and only when a full collection
 * armed it, so what the first reading holds of garbage is not handed back at a fixed time.
 */
const restSeconds = Number(process.env.BENCH_REST ?? 10);
for (const engine of engines) {
  for (const factor of factors) {
    const app = await startApp(envFor(engine, factor));
    for (const path of paths) {
      const figures = await measure(app.url + path);
      const row = rows.get(path) ?? new Map<string, Figures>();
      row.set(`${engine}:${factor}`, figures);
      rows.set(path, row);
    }
    const rss = rssMb(app.child);
    await new Promise((r) => setTimeout(r, restSeconds * 1000));
    servers.set(`${engine}:${factor}`, { startMs: app.startMs, rss, rested: rssMb(app.child) });
    app.child.kill();
  }
}

/**
 * The write burst: `burstSize` concurrent `POST /mal` (a new goal each) split over two app
 * processes on one database, as one signed-in architect; latency per request, errors = not 303.
 */
async function writeBurst(engine: Engine): Promise<{ rps: number; p50: number; p99: number; errors: number; statuses: Record<number, number> }> {
  let env: Record<string, string>;
  if (engine === 'sqlite') {
    const file = join(root, 'data', 'bench', 'burst.db');
    for (const suffix of ['', '-wal', '-shm', '.pid']) rmSync(file + suffix, { force: true });
    const db = openDatabase(file);
    await migrateToLatest(db);
    await seedDatabase(db);
    await createUser(db, { email: 'bench@test.no', name: 'Bench', role: 'architect', municipalityNumber: null, organisationId: null, password: 'korrekt hest batteri stift' }, { at: new Date(), userId: null, clientAddress: null });
    await db.destroy();
    env = { DATABASE_FILE: file, DATABASE_URL: '' };
  } else {
    const name = 'akson_bench_burst';
    await pgAdmin(async (c) => {
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.query(`create database "${name}"`);
    });
    const db = openDatabase(pgUrl(name), { poolSize: 2 });
    await migrateToLatest(db);
    await seedDatabase(db);
    await createUser(db, { email: 'bench@test.no', name: 'Bench', role: 'architect', municipalityNumber: null, organisationId: null, password: 'korrekt hest batteri stift' }, { at: new Date(), userId: null, clientAddress: null });
    await db.destroy();
    env = { DATABASE_URL: pgUrl(name) };
  }
  const two = [await startApp(env), await startApp(env)];
  try {
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const signedIn = await fetch(`${two[0]!.url}/login`, { method: 'POST', redirect: 'manual', headers: { ...form, Origin: two[0]!.url }, body: 'email=bench%40test.no&password=korrekt+hest+batteri+stift' });
    const cookie = /((?:__Host-)?akson-sesjon=[^;]*)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: burstSize }, async (_, i) => {
        const server = two[i % 2]!;
        const started = performance.now();
        const res = await fetch(`${server.url}/mal`, { method: 'POST', redirect: 'manual', headers: { ...form, Origin: server.url, Cookie: cookie }, body: `name=Benkm%C3%A5l+${i}` });
        await res.arrayBuffer();
        return { status: res.status, ms: performance.now() - started };
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const times = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]!);
    const statuses: Record<number, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    return { rps: burstSize / seconds, p50: at(0.5), p99: at(0.99), errors: answers.filter((a) => a.status !== 303).length, statuses };
  } finally {
    for (const server of two) server.child.kill();
  }
}
const bursts = new Map<Engine, Awaited<ReturnType<typeof writeBurst>>>();
// `BENCH_BURST=0` leaves the write burst out.
if (burstSize > 0) for (const engine of engines) bursts.set(engine, await writeBurst(engine));

const label: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
console.log(
  `autocannon, ${connections} forbindelser, ${seconds} s per side, anonym leser med brotli/gzip; median req/s over sekundene. ` +
    `Hono hello-world: ${Math.round(helloFigures.rps).toLocaleString('en')} req/s, p50 ${helloFigures.p50} ms, p99 ${helloFigures.p99} ms, RSS ${Math.round(helloRss)} MB.`,
);
const header = [
  'page',
  ...factors.flatMap((f) => [
    `${f}× SQLite req/s`,
    `${f}× of hello`,
    `${f}× SQLite p50 / p99 ms`,
    `${f}× bytes (HTML)`,
    ...(withPostgres ? [`${f}× PostgreSQL req/s`, `${f}× PostgreSQL p50 / p99 ms`] : []),
  ]),
];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
const rps = (r: Figures) => `${Math.round(r.rps).toLocaleString('en')}${r.errors ? ` (${r.errors} feil)` : ''}`;
for (const path of paths) {
  const row = rows.get(path)!;
  const cells = factors.flatMap((f) => {
    const r = row.get(`sqlite:${f}`)!;
    const p = row.get(`postgres:${f}`);
    return [rps(r), pct(r.rps, helloFigures.rps), `${r.p50} / ${r.p99}`, `${kb(r.bytes)} (${kb(r.html)})`, ...(p ? [rps(p), `${p.p50} / ${p.p99}`] : [])];
  });
  console.log(`| \`${path}\` | ${cells.join(' | ')} |`);
}
for (const engine of engines) {
  for (const factor of factors) {
    const s = servers.get(`${engine}:${factor}`)!;
    console.log(`${label[engine]} ${factor}×: start ${(s.startMs / 1000).toFixed(2)} s på eksisterende database, RSS etter kjøringen ${Math.round(s.rss)} MB, ${restSeconds} s senere ${Math.round(s.rested)} MB.`);
  }
}
if (bursts.size > 0) console.log(`\nSkrivestøt: ${burstSize} samtidige POST /mal fordelt på to app-prosesser på én database (én innlogget arkitekt).`);
if (bursts.size > 0) console.log('| engine | req/s | p50 / p99 ms | errors | statuses |');
if (bursts.size > 0) console.log('|---|---|---|---|---|');
for (const [engine, b] of bursts) {
  console.log(`| ${label[engine]} | ${Math.round(b.rps)} | ${b.p50} / ${b.p99} | ${b.errors} | ${Object.entries(b.statuses).map(([k, v]) => `${v}× ${k}`).join(', ')} |`);
}
