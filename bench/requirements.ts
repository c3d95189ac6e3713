import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.tsx';
import { freezeBaselineAsOperator } from '../src/commands/baselines.ts';
import { configWith } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { seedDatabase } from '../seeds/seed.ts';
import { growChapters, growModel } from '../seeds/synthetic.ts';

/**
 * The requirement targets of issue 13, on the seed grown 100× (5,000 requirements, 3,400 linked
 * services) with the requirements in 40 chapters: the requirement list, the traceability view and
 * a diff between two baselines each under 100 ms median, in process; freezing a baseline under
 * 2 s. Wall-clock and CPU medians (the machines here are shared: CPU time says more). Between the two baselines: a requirement edited, one moved, a link added and one removed,
 * a service renamed, so the diff has something to show.
 */

/** CPU time (user + system) since `start`, in ms: on a shared machine, closer to the work done than the wall clock. */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

export async function benchRequirements(options: { factor: number; rounds: number; freezes: number }): Promise<void> {
  let queries = 0;
  const db = openDatabase(':memory:', { log: (e) => (e.level === 'query' ? queries++ : undefined) });
  await migrateToLatest(db);
  await seedDatabase(db);
  const grown = await growModel(db, options.factor, { now: new Date() });
  const { chapters } = await growChapters(db);
  // Without the page cache: every request does the page's work (the cache would answer from memory).
  const app = createApp({ db, config: configWith({ PAGE_CACHE_MB: '0' }), logError: (e) => console.error(e) });
  const actor = { at: new Date(), userId: null, clientAddress: null, name: 'Benchmark' };

  // Freezing: the median of several freezes of the same model.
  const freezeTimes: number[] = [];
  const freezeCpu: number[] = [];
  let first = 0;
  for (let i = 0; i < options.freezes; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const result = await freezeBaselineAsOperator(db, actor.at, { name: `Benchmark ${i + 1}`, description: '' });
    freezeTimes.push(performance.now() - t0);
    freezeCpu.push(cpuMs(c0));
    if (!result.ok) throw new Error('freezing failed');
    if (i === 0) first = result.id;
  }

  // A few changes of each kind, then the second baseline.
  const reqs = await db.selectFrom('requirement').select('element_id').orderBy('ref').limit(3).execute();
  const [edited, moved, relinked] = reqs.map((r) => r.element_id);
  await db.updateTable('requirement').set({ text: 'Løsningen skal vise hver endring ord for ord, også i store kravsett.' }).where('element_id', '=', edited!).execute();
  await db.updateTable('requirement').set({ chapter_id: chapters.at(-1)! }).where('element_id', '=', moved!).execute();
  const dropped = await db.selectFrom('requirement_element').selectAll().where('requirement_id', '=', relinked!).executeTakeFirstOrThrow();
  await db.deleteFrom('requirement_element').where('requirement_id', '=', dropped.requirement_id).where('element_id', '=', dropped.element_id).execute();
  const service = await db.selectFrom('element').select('id').where('kind', '=', 'informationService').orderBy('id', 'desc').executeTakeFirstOrThrow();
  await db.insertInto('requirement_element').values({ requirement_id: edited!, element_id: service.id }).execute();
  await db.updateTable('element').set({ name: 'Omdøpt tjeneste' }).where('id', '=', service.id).execute();
  const second = await freezeBaselineAsOperator(db, actor.at, { name: 'Benchmark etter endringer', description: '' });
  if (!second.ok) throw new Error('freezing failed');

  const paths = [
    '/krav',
    '/krav?sort=chapter&dir=desc&side=40',
    '/krav?status=approved&q=deling&sort=changed',
    '/krav/sporbarhet',
    `/baselines/sammenlign?fra=${first}&til=${second.id}`,
    `/baselines/sammenlign?fra=${first}&til=${second.id}&gruppering=kapittel`,
    `/api/baselines/${first}/diff/${second.id}`,
  ];
  const rows: string[] = [];
  for (const path of paths) {
    const probe = await app.request(path);
    const body = await probe.text();
    if (probe.status === 404) {
      rows.push(`| ${path} | (ingen slik side ennå) | | | | |`);
      continue;
    }
    const times: number[] = [];
    const cpu: number[] = [];
    queries = 0;
    for (let i = 0; i < options.rounds; i++) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await app.request(path);
      await res.text();
      times.push(performance.now() - t0);
      cpu.push(cpuMs(c0));
    }
    rows.push(`| ${path} | ${probe.status} | ${median(times).toFixed(1)} | ${median(cpu).toFixed(1)} | ${queries / options.rounds} | ${(body.length / 1024).toFixed(0)} KB |`);
  }
  console.log('');
  console.log(`Krav (issue 13) på ${options.factor}×: ${grown.requirements} krav i ${chapters.length} kapitler, ${grown.services} tjenester. Medianer over ${options.rounds} kjøringer.`);
  console.log(`Frysing av en baseline: median ${median(freezeTimes).toFixed(0)} ms (CPU ${median(freezeCpu).toFixed(0)} ms) over ${options.freezes} (mål: under 2000 ms).`);
  console.log('| side | status | ms (median) | CPU-ms (median) | spørringer | størrelse |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  await db.destroy();
}
