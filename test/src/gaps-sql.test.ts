import { describe, expect, it } from 'vitest';
import { analyseGaps, type GapReport } from '../../model/gaps.ts';
import { growModel } from '../../seeds/synthetic.ts';
import { loadGapReport } from '../../src/db/queries/gaps.ts';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import { testDb } from '../helpers.ts';

const ids = (report: GapReport) => Object.fromEntries(Object.entries(report).map(([k, list]) => [k, (list as Array<{ id: number }>).map((e) => e.id)]));

describe('the gap analysis counted in SQL', () => {
  it('gives what analyseGaps gives over the whole model, on the seed and on a grown model', async () => {
    const db = await testDb();
    for (const grow of [async () => {}, () => growModel(db, { factor: 2, link: false }), () => growModel(db, 1)]) {
      await grow();
      const whole = analyseGaps(await loadScopeModel(db, { municipalities: false }));
      const loaded = await loadGapReport(db, 100_000);
      expect(ids(loaded.gaps)).toEqual(ids(whole));
      for (const [key, list] of Object.entries(whole)) expect(loaded.counts[key as keyof GapReport], key).toBe((list as unknown[]).length);
    }
    await db.destroy();
  });

  it('cuts each list to its first entries but counts them all', async () => {
    const db = await testDb();
    await growModel(db, { factor: 3, link: false });
    const whole = analyseGaps(await loadScopeModel(db, { municipalities: false }));
    const loaded = await loadGapReport(db, 5);
    expect(loaded.counts.servicesWithoutExchange).toBe(whole.servicesWithoutExchange.length);
    expect(loaded.gaps.servicesWithoutExchange.map((s) => s.id)).toEqual(whole.servicesWithoutExchange.slice(0, 5).map((s) => s.id));
    expect(loaded.gaps.tentative.map((s) => s.id)).toEqual(whole.tentative.slice(0, 5).map((s) => s.id));
    await db.destroy();
  });
});
