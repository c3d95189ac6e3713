import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.tsx';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { growModel } from '../seeds/synthetic.ts';
import { benchRequirements } from './requirements.ts';

/**
 * `npm run bench`: times the heaviest pages on the seeded model grown to 1× and 100× by
 * `growModel` (seeds/synthetic.ts: at 100× 3,400 linked services, 5,000 requirements, 20,000
 * comments over 10 rounds, all 357 municipalities' reviews), in one process, and reports medians,
 * the ratio to 1×, and the SQL queries per request. Machines here are shared and noisy: read the ratios.
 */
// `npm run bench -- --http`: the same pages over HTTP, beside a bare Hono hello-world (bench/http.ts).
if (process.argv.includes('--http')) {
  await import('./http.ts');
  process.exit(0);
}
// `npm run bench -- --memory [DIR …]`: memory and the whole-model export at 100×, this checkout beside others (bench/memory.ts).
if (process.argv.includes('--memory')) {
  await import('./memory.ts');
  process.exit(0);
}

const factors = (process.env.BENCH_FACTORS ?? '1,100').split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);

// `BENCH_ONLY=krav npm run bench`: only the requirement targets of issue 13 (bench/requirements.ts).
if (process.env.BENCH_ONLY === 'krav') {
  await benchRequirements({ factor: Math.max(...factors), rounds, freezes: Number(process.env.BENCH_FREEZES ?? 5) });
  process.exit(0);
}
const paths = [
  '/',
  '/informasjonstjenester',
  '/matriser/personellgrupper',
  '/matriser/aktorer',
  '/gapanalyse',
  '/informasjonstjenester/multidose',
  '/diagrammer/forste-leveranse',
  '/diagrammer/avhengigheter',
  '/api/model',
  '/vurdering/runder/1',
  '/vurdering/dashbord?sorter=omstridt',
  '/vurdering/dashbord/eksport.csv',
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const results = new Map<string, Map<number, { ms: number; queries: number; services: number }>>();
for (const factor of factors) {
  let queries = 0;
  const db = openDatabase(':memory:', { log: (e) => (e.level === 'query' ? queries++ : undefined) });
  await migrateToLatest(db);
  await seedDatabase(db);
  const { services } = await growModel(db, factor, { now: new Date() });
  const app = createApp({ db, logError: (e) => console.error(e) });
  for (const path of paths) {
    await (await app.request(path)).text(); // warm up
    const times: number[] = [];
    queries = 0;
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now();
      const res = await app.request(path);
      await res.text();
      times.push(performance.now() - t0);
    }
    const row = results.get(path) ?? new Map();
    row.set(factor, { ms: median(times), queries: queries / rounds, services });
    results.set(path, row);
  }
  await db.destroy();
}

const header = ['side', ...factors.map((f) => `${f}× (ms, median)`), ...factors.slice(1).map((f) => `${f}×/1×`), 'spørringer per side'];
console.log(`Medianer over ${rounds} kjøringer per side. Tjenester: ${factors.map((f) => `${f}× = ${results.get(paths[0]!)!.get(f)!.services}`).join(', ')}.`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const path of paths) {
  const row = results.get(path)!;
  const base = row.get(factors[0]!)!.ms;
  const cells = [
    path,
    ...factors.map((f) => row.get(f)!.ms.toFixed(1)),
    ...factors.slice(1).map((f) => (row.get(f)!.ms / base).toFixed(1)),
    [...new Set(factors.map((f) => row.get(f)!.queries))].join(' / '),
  ];
  console.log(`| ${cells.join(' | ')} |`);
}

// The requirement targets (issue 13) on the largest factor: list, traceability, diff, freezing.
await benchRequirements({ factor: Math.max(...factors), rounds, freezes: Number(process.env.BENCH_FREEZES ?? 5) });
