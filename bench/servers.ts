import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { growModel } from '../seeds/synthetic.ts';

/** What the benchmarks share: the grown databases, starting a server, reading its memory. */
export const root = new URL('../', import.meta.url).pathname;

/** A database file at `factor` × the seed, built once for this set of migrations (BENCH_REBUILD=1 builds it again). */
export async function database(factor: number): Promise<string> {
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

export interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
}

let nextPort = 3900 + Math.floor(Math.random() * 50);

/**
 * Starts `script` with node (and tsx for TypeScript; one process, so its RSS is the server's) in
 * `cwd` (this checkout unless another is named) and waits until it answers `probe`. `nodeArgs`
 * go before the script. For the yardstick (bench/hello.mjs); the app starts with `startApp`.
 */
export function start(script: string, env: Record<string, string>, probe: string, options: { cwd?: string; nodeArgs?: string[] } = {}): Promise<Server> {
  const cwd = options.cwd ?? root;
  const loader = /\.tsx?$/.test(script) ? ['--import', 'tsx'] : [];
  return launch(cwd, [...loader, ...(options.nodeArgs ?? []), script], env, probe, performance.now());
}

/**
 * Starts the app in `cwd` (this checkout unless another is named) as that checkout's `npm start`
 * does: its `prestart` first if it has one (building the server when the sources changed: not
 * the case after the first start), then node with the start script's variables, flags and file,
 * `nodeArgs` (e.g. a probe to `--import`) before them. Waits until it answers `/healthz`; the
 * start time includes the `prestart`.
 */
export async function startApp(env: Record<string, string>, options: { cwd?: string; nodeArgs?: string[] } = {}): Promise<Server> {
  const cwd = options.cwd ?? root;
  const t0 = performance.now();
  const command = startCommand(cwd);
  if (command.prestart) {
    const child = spawn('npm', ['run', '--silent', 'prestart'], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    if (code !== 0) throw new Error(`npm run prestart i ${cwd} stoppet med kode ${code}`);
  }
  return launch(cwd, [...(options.nodeArgs ?? []), ...command.args], { ...command.env, ...env }, '/healthz', t0);
}

async function launch(cwd: string, args: string[], env: Record<string, string>, probe: string, t0: number): Promise<Server> {
  const port = nextPort++;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} stoppet med kode ${child.exitCode}`);
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

/**
 * What `npm start` runs in that checkout's package.json (`VAR=value … node FLAGS… FILE`): the
 * variables it sets (e.g. the C library's allocator settings), node's arguments, and whether a
 * `prestart` comes first, so that a benchmarked server runs as `npm start` runs it.
 */
export function startCommand(cwd: string): { env: Record<string, string>; args: string[]; prestart: boolean } {
  const scripts = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  const words = (scripts.start ?? '').trim().split(/\s+/);
  const env: Record<string, string> = {};
  for (;;) {
    const set = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(words[0] ?? '');
    if (!set) break;
    env[set[1]!] = set[2]!;
    words.shift();
  }
  const program = words.shift();
  // Older checkouts started the server through tsx's own command: the same as node with its loader.
  if (program === 'tsx') return { env, args: ['--import', 'tsx', ...words], prestart: Boolean(scripts.prestart) };
  if (program !== 'node') throw new Error(`npm start i ${cwd} kjører ikke node direkte: ${scripts.start}`);
  return { env, args: words, prestart: Boolean(scripts.prestart) };
}

/** The process's resident memory now, in MB. */
export function rssMb(child: ChildProcess): number {
  return statusMb(child, 'VmRSS');
}

/** The most resident memory the process has had since it started or since `resetPeak`, in MB. */
export function peakRssMb(child: ChildProcess): number {
  return statusMb(child, 'VmHWM');
}

/** Starts the peak (VmHWM) over from the present RSS (Linux: `5` to /proc/PID/clear_refs). */
export function resetPeak(child: ChildProcess): boolean {
  try {
    writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function statusMb(child: ChildProcess, field: string): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}
