import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.tsx';
import { growModel } from '../../seeds/synthetic.ts';
import { testDb } from '../helpers.ts';

/** The SQL statements one request runs, on a model grown to `factor` times the seeded services. */
async function queriesPerPage(factor: number, paths: string[]): Promise<Map<string, number>> {
  let count = 0;
  const db = await testDb({ log: (e) => (e.level === 'query' ? count++ : undefined) });
  await growModel(db, { factor, link: true });
  const app = createApp({ db, logError: () => {} });
  const counts = new Map<string, number>();
  for (const path of paths) {
    count = 0;
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    await res.text();
    counts.set(path, count);
  }
  await db.destroy();
  return counts;
}

describe('the number of SQL queries a page issues does not grow with the model', () => {
  const paths = [
    '/',
    '/informasjonstjenester',
    '/informasjonstjenester?tier=2023',
    '/matriser/personellgrupper',
    '/matriser/aktorer',
    '/matriser/aktorer?category=plan',
    '/gapanalyse',
    '/funksjonsomrader',
    '/portefolje',
    '/krav',
    '/informasjonstjenester/multidose',
    '/personellgrupper/legevakt',
    '/aktorer/spesialisthelsetjenesten',
    '/informasjonskategorier/plan',
    '/api/model',
    '/diagrammer',
    '/diagrammer/omfang',
    '/diagrammer/samhandling?group=legevakt',
    '/diagrammer/forste-leveranse',
    '/diagrammer/forste-leveranse?expand=plan',
    '/diagrammer/veikart',
    '/diagrammer/avhengigheter?tier=2023',
    '/diagrammer/avhengigheter.mmd',
    '/diagrammer/tjeneste/multidose',
  ];

  it('is the same on the seeded model and on one with ten times as many services', async () => {
    const small = await queriesPerPage(1, paths);
    const large = await queriesPerPage(10, paths);
    for (const path of paths) {
      expect(large.get(path), path).toBe(small.get(path));
      expect(small.get(path), path).toBeGreaterThan(0);
    }
  });
});
