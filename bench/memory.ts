import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { database, peakRssMb, resetPeak, root, rssMb, startApp, type Server } from './servers.ts';

/**
 * `npm run bench -- --memory [DIR …]`: the server's memory and the whole-model export at
 * BENCH_FACTOR (100) × the seed, on SQLite, for this checkout and for each other checkout named
 * (e.g. an older commit unpacked with `git archive`, with node_modules linked), one after the
 * other in the same run, each on its own copy of the same database:
 *
 * - start time and RSS at idle (1 s after it answers);
 * - `GET /api/model` alone, as a browser (brotli) and as a script (no compression): time to the
 *   first byte of the body, total time, bytes, and the peak RSS while it ran (VmHWM, reset first);
 * - 20 at once (BENCH_CONNECTIONS): median and slowest first byte and total, peak RSS;
 * - a burst of autocannon (20 connections, BENCH_SECONDS = 5 s per page) on a few pages, then RSS
 *   at once and after 5 s of rest, with the V8 heap and external memory from bench/memory-probe.mjs.
 *
 * The machine is shared and noisy: compare the checkouts within one run.
 */
const factor = Number(process.env.BENCH_FACTOR ?? 100);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const burstPaths = (process.env.BENCH_PATHS ?? '/,/informasjonstjenester,/informasjonstjenester/multidose,/matriser/aktorer,/krav,/api/model?cursor=').split(',');
const browser = { 'accept-encoding': 'gzip, deflate, br', 'accept-language': 'nb-NO,nb;q=0.9' };
const dirs = [root, ...process.argv.slice(process.argv.indexOf('--memory') + 1).filter((a) => !a.startsWith('--')).map((d) => resolve(d) + '/')];
const probe = join(root, 'bench', 'memory-probe.mjs');

interface Fetched {
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  ok: boolean;
}

/** One GET, read to the end: when its first body bytes came and when the last did. */
async function timed(url: string, headers: Record<string, string>, timeoutMs = 120_000): Promise<Fetched> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
    const reader = res.body!.getReader();
    let firstByteMs = Number.NaN;
    let bytes = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - t0;
      bytes += value.byteLength;
    }
    return { firstByteMs, totalMs: performance.now() - t0, bytes, ok: res.ok };
  } catch {
    return { firstByteMs: Number.NaN, totalMs: performance.now() - t0, bytes: 0, ok: false };
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const ms = (x: number) => (Number.isNaN(x) ? '–' : `${Math.round(x)}`);
const mb = (x: number) => `${Math.round(x)}`;

/** The server's own account of its memory (bench/memory-probe.mjs), after a full collection. */
async function heapOf(server: Server, file: string): Promise<{ heapUsed: number; heapTotal: number; external: number; arrayBuffers: number } | null> {
  rmSync(file, { force: true });
  server.child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 20));
  if (!existsSync(file)) return null;
  const usage = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  const m = (n: number | undefined) => (n ?? 0) / 1024 / 1024;
  return { heapUsed: m(usage.heapUsed), heapTotal: m(usage.heapTotal), external: m(usage.external), arrayBuffers: m(usage.arrayBuffers) };
}

const source = await database(factor);
const rows: string[][] = [];
const label = (dir: string) => (dir === root ? 'this checkout' : dir.replace(root, ''));
for (const [i, dir] of dirs.entries()) {
  const file = join(root, 'data', 'bench', `memory-${i}.db`);
  for (const suffix of ['', '-wal', '-shm', '.pid']) rmSync(file + suffix, { force: true });
  copyFileSync(source, file);
  const probeFile = join(root, 'data', 'bench', `memory-${i}.json`);
  const server = await startApp({ DATABASE_FILE: file, DATABASE_URL: '', BENCH_PROBE_FILE: probeFile }, {
    cwd: dir,
    nodeArgs: ['--expose-gc', '--import', probe],
  });
  await new Promise((r) => setTimeout(r, 1000));
  const idle = rssMb(server.child);
  const idleHeap = await heapOf(server, probeFile);
  const url = `${server.url}/api/model`;

  resetPeak(server.child);
  const compressed = await timed(url, browser);
  const peakCompressed = peakRssMb(server.child);
  resetPeak(server.child);
  const plain = await timed(url, {});
  const peakPlain = peakRssMb(server.child);

  resetPeak(server.child);
  const many = await Promise.all(Array.from({ length: connections }, () => timed(url, browser)));
  const peakMany = peakRssMb(server.child);
  const afterExports = rssMb(server.child);

  for (const path of burstPaths) await autocannon({ url: server.url + path, connections, duration: seconds, headers: browser });
  const afterBurst = rssMb(server.child);
  await new Promise((r) => setTimeout(r, 5000));
  const rested = rssMb(server.child);
  const restedHeap = await heapOf(server, probeFile);
  server.child.kill();

  const okMany = many.filter((f) => f.ok);
  const heap = (h: typeof idleHeap) => (h ? `${mb(h.heapUsed)} of ${mb(h.heapTotal)} / ${mb(h.external)}` : '–');
  rows.push([
    label(dir),
    `${(server.startMs / 1000).toFixed(2)} s`,
    `${mb(idle)} (${heap(idleHeap)})`,
    `${ms(compressed.firstByteMs)} / ${ms(compressed.totalMs)} ms, ${Math.round(compressed.bytes / 1024)} KB, peak ${mb(peakCompressed)}`,
    `${ms(plain.firstByteMs)} / ${ms(plain.totalMs)} ms, ${Math.round(plain.bytes / 1024)} KB, peak ${mb(peakPlain)}`,
    `${okMany.length}/${many.length} ok; first byte ${ms(median(okMany.map((f) => f.firstByteMs)))} / ${ms(Math.max(...okMany.map((f) => f.firstByteMs)))} ms; total ${ms(median(okMany.map((f) => f.totalMs)))} / ${ms(Math.max(...okMany.map((f) => f.totalMs)))} ms; peak ${mb(peakMany)}, after ${mb(afterExports)}`,
    `${mb(afterBurst)} → ${mb(rested)} (${heap(restedHeap)})`,
  ]);
  for (const suffix of ['', '-wal', '-shm', '.pid']) rmSync(file + suffix, { force: true });
}

console.log(
  `${factor}× the seed, SQLite. RSS in MB (in brackets: V8 heap used of heap total / external, after a full GC). /api/model: first byte / total. ` +
    `${connections} at once: median / slowest. Burst: autocannon, ${connections} connections, ${seconds} s on each of ${burstPaths.join(', ')}.`,
);
const header = ['checkout', 'start', 'RSS idle', `/api/model alone (brotli)`, '/api/model alone (plain)', `/api/model × ${connections} at once (brotli)`, 'RSS after burst → after 5 s'];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
