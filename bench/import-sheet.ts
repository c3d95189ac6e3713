import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { requirementSheetColumns, requirementSheetCsv, type RequirementSheetRow } from '../model/exchange/requirement-sheet.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { importFromCommandLine } from '../src/commands/requirement-import.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { readSheetFile } from '../src/exchange/sheet-file.ts';

/*
 * `npx tsx bench/import-sheet.ts`: a 10,000-row requirement spreadsheet (CSV) read, dry-run and
 * applied through the same use case as `/import` and `npm run import`, on a fresh seeded SQLite
 * file and (when a server answers at BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 * a fresh PostgreSQL database; RUNS times each (default 5), printing every run and the medians.
 */

const ROWS = Number(process.env.ROWS ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 5);
const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function csv(): Uint8Array {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const row = Object.fromEntries(requirementSheetColumns.map((c) => [c.key, ''])) as unknown as RequirementSheetRow;
    return {
      ...row,
      name: `Masseimportert krav ${i + 1}`,
      text: `Løsningen skal oppfylle krav nummer ${i + 1}.`,
      priority: 'Bør',
      status: 'Utkast',
      linkedElements: i % 3 === 0 ? 'informationService:multidose' : '',
      tags: 'masse',
    };
  });
  return new TextEncoder().encode(requirementSheetCsv(rows));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function once(location: string, bytes: Uint8Array): Promise<{ read: number; dryRun: number; apply: number }> {
  const db = openDatabase(location, { poolSize: 2 });
  try {
    await migrateToLatest(db);
    await seedDatabase(db);
    const t0 = performance.now();
    const read = await readSheetFile(bytes);
    if (!read.ok) throw new Error(`not read: ${read.refusal.code}`);
    const t1 = performance.now();
    const dry = await importFromCommandLine(db, { table: read.table, fileName: 'ti-tusen.csv', dryRun: true, mode: 'all', at: new Date() });
    if ('refusal' in dry.plan || dry.plan.report.created.length !== ROWS) throw new Error('dry run did not plan every row');
    const t2 = performance.now();
    const applied = await importFromCommandLine(db, { table: read.table, fileName: 'ti-tusen.csv', dryRun: false, mode: 'all', at: new Date() });
    if (applied.applied?.outcome !== 'applied') throw new Error('not applied');
    const t3 = performance.now();
    return { read: t1 - t0, dryRun: t2 - t1, apply: t3 - t2 };
  } finally {
    await db.destroy();
  }
}

async function engine(name: string, fresh: () => Promise<string>, bytes: Uint8Array) {
  const runs: Array<{ read: number; dryRun: number; apply: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await once(await fresh(), bytes);
    runs.push(r);
    console.log(`${name} run ${i + 1}: read ${Math.round(r.read)} ms, dry run ${Math.round(r.dryRun)} ms, apply ${Math.round(r.apply)} ms, total ${Math.round(r.read + r.dryRun + r.apply)} ms`);
  }
  const m = (f: (r: (typeof runs)[number]) => number) => Math.round(median(runs.map(f)));
  console.log(`${name} median of ${RUNS}: read ${m((r) => r.read)} ms, dry run ${m((r) => r.dryRun)} ms, apply ${m((r) => r.apply)} ms, total ${m((r) => r.read + r.dryRun + r.apply)} ms`);
}

const bytes = csv();
console.log(`${ROWS} rows, ${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV`);
const dir = mkdtempSync(join(tmpdir(), 'akson-bench-import-'));
try {
  let n = 0;
  await engine('SQLite', async () => join(dir, `bench-${n++}.db`), bytes);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const client = new pg.Client({ connectionString: admin });
try {
  await client.connect();
} catch {
  console.log(`PostgreSQL: no server at ${admin}, skipped.`);
  process.exit(0);
}
const name = 'akson_bench_import';
try {
  await engine(
    'PostgreSQL',
    async () => {
      await client.query(`drop database if exists ${name} with (force)`);
      await client.query(`create database ${name}`);
      const url = new URL(admin);
      url.pathname = `/${name}`;
      return url.toString();
    },
    bytes,
  );
} finally {
  await client.query(`drop database if exists ${name} with (force)`);
  await client.end();
}
