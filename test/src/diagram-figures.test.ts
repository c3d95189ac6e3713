import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf } from '../../model/diagrams/figures.ts';
import { resolveServiceFilter } from '../../model/filters.ts';
import { indexModel } from '../../model/lookup.ts';
import { growModel } from '../../seeds/synthetic.ts';
import type { Db } from '../../src/db/index.ts';
import { diagramFigures, drawnServiceIds, type DiagramServiceKeys } from '../../src/db/queries/diagrams.ts';
import { loadScopeModel } from '../../src/db/queries/model.ts';
import { testDb } from '../helpers.ts';

/**
 * The diagrams count in SQL what they used to count over the whole model in memory. On a model
 * with every link kind (grown 3× and linked, some services moved into parts, some capabilities
 * placed through an ancestor, one project turned red), the SQL figures equal the in-memory ones.
 */
let db: Db;
beforeAll(async () => {
  db = await testDb();
  await growModel(db, { factor: 3, link: true });
  const parts = await db.selectFrom('element').select('id').where('kind', '=', 'solutionPart').orderBy('position').execute();
  const services = await db.selectFrom('information_service').select('element_id').orderBy('element_id').execute();
  await db.updateTable('information_service').set({ solution_part_id: parts[1]!.id }).where('element_id', 'in', services.filter((_, i) => i % 3 === 0).map((s) => s.element_id)).execute();
  await db.updateTable('information_service').set({ tier_tentative: 1 }).where('element_id', 'in', services.filter((_, i) => i % 4 === 0).map((s) => s.element_id)).execute();
  const project = await db.selectFrom('service_dependency').select('project_id').orderBy('project_id').executeTakeFirstOrThrow();
  await db.updateTable('national_project').set({ status: 'Rød' }).where('element_id', '=', project.project_id).execute();
});
afterAll(() => db.destroy());

describe('diagram figures counted in SQL', () => {
  const filters: DiagramServiceKeys[] = [{}, { tier: '2023' }, { category: 'plan' }, { actor: 'innbygger' }, { group: 'legevakt' }, { tier: '2023', group: 'legevakt' }, { actor: 'helseplattformen', category: 'legemidler-og-vaksiner' }];

  it.each(filters)('equal the figures counted over the whole model for %o', async (keys) => {
    const model = await loadScopeModel(db, { municipalities: false });
    const index = indexModel(model);
    const selection = resolveServiceFilter(keys, index);
    if ('key' in selection) throw new Error(selection.key);
    const expected = figuresOf(model, index, selection);
    const counted = await diagramFigures(db, keys, ['categoryParts', 'exchanges', 'dependencies']);
    expect(counted).toEqual(expected);
    // The model is linked, so the comparison compares something.
    if (Object.keys(keys).length === 0) {
      expect(expected.selected).toBeGreaterThan(100);
      expect(expected.exchanges.length).toBeGreaterThan(5);
      expect(expected.dependencies.atRisk).toBeGreaterThan(0);
      expect(expected.categoryParts.some((r) => r.partId !== null)).toBe(true);
    }
  });

  it('reads one page of one category’s services, in the order the diagram draws them', async () => {
    const all = await drawnServiceIds(db, {}, { categoryKey: 'plan', limit: 1000 });
    const page = await drawnServiceIds(db, {}, { categoryKey: 'plan', limit: 2, offset: 2 });
    expect(all.length).toBeGreaterThan(4);
    expect(page).toEqual(all.slice(2, 4));
    expect(await drawnServiceIds(db, {}, { limit: 0 })).toEqual([]);
  });
});
