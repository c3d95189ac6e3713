import { describe, expect, it } from 'vitest';
import { diffSnapshot, marksByService } from '../../../model/review/diff.ts';
import { catalogueOf, firstDeliverySnapshot, groupByCategory, noCategory, type SnapshotService } from '../../../model/review/snapshot.ts';
import { element, emptyModel } from '../fixtures.ts';

/**
 * Tier 10 is first delivery, tier 11 later. Category 21 comes before category 20 (position).
 * Services 1, 2, 5 are first delivery (5 without a category), 3 is in the later tier, 4 has no tier.
 */
function smallModel() {
  const m = emptyModel();
  m.elements.deliveryTier = [element('deliveryTier', 10, { name: 'Først' }), element('deliveryTier', 11, { name: 'Senere', firstDelivery: false })];
  m.elements.informationCategory = [element('informationCategory', 20, { name: 'Plan', position: 2 }), element('informationCategory', 21, { name: 'Legemidler', position: 1 })];
  m.elements.informationService = [
    element('informationService', 1, { name: 'Individuell plan', description: 'Plan for pasienten', tierId: 10, categoryId: 20, position: 1 }),
    element('informationService', 2, { name: 'Multidose', tierId: 10, categoryId: 21, tierTentative: true, position: 2 }),
    element('informationService', 3, { name: 'Senere tjeneste', tierId: 11, categoryId: 21, position: 3 }),
    element('informationService', 4, { name: 'Uten trinn', tierId: null, categoryId: 21, position: 4 }),
    element('informationService', 5, { name: 'Uten kategori', tierId: 10, categoryId: null, position: 0 }),
  ];
  return m;
}

describe('the first-delivery snapshot', () => {
  it('holds the services in first-delivery tiers, ordered by category and then position, with what a reviewer sees', () => {
    const list = firstDeliverySnapshot(catalogueOf(smallModel()));
    expect(list.map((s) => s.name)).toEqual(['Multidose', 'Individuell plan', 'Uten kategori']);
    expect(list[0]).toEqual({
      elementId: 2,
      key: 'informationservice-2',
      name: 'Multidose',
      description: '',
      categoryKey: 'informationcategory-21',
      categoryName: 'Legemidler',
      tierKey: 'deliverytier-10',
      tierName: 'Først',
      tentative: true,
    });
    expect(list[1]).toMatchObject({ description: 'Plan for pasienten', categoryName: 'Plan', tentative: false });
    expect(list[2]).toMatchObject({ categoryKey: null, categoryName: null });
  });

  it('groups by category in the list order, services without one last under their own heading', () => {
    const groups = groupByCategory(firstDeliverySnapshot(catalogueOf(smallModel())));
    expect(groups.map((g) => [g.name, g.services.map((s) => s.name)])).toEqual([
      ['Legemidler', ['Multidose']],
      ['Plan', ['Individuell plan']],
      [noCategory, ['Uten kategori']],
    ]);
  });

  it('is empty when no tier is marked first delivery', () => {
    const m = smallModel();
    m.elements.deliveryTier = m.elements.deliveryTier.map((t) => ({ ...t, firstDelivery: false }));
    expect(firstDeliverySnapshot(catalogueOf(m))).toEqual([]);
  });
});

describe('the diff between a frozen list and the live scope', () => {
  const frozen = () => firstDeliverySnapshot(catalogueOf(smallModel())).map((s, i) => ({ ...s, id: 100 + i }));

  it('is empty when nothing changed', () => {
    expect(diffSnapshot(frozen(), catalogueOf(smallModel()))).toEqual({ changed: [], removed: [], added: [] });
  });

  it('names each changed field with its value before and after, matching services by id even when renamed', () => {
    const m = smallModel();
    const [plan] = m.elements.informationService;
    m.elements.informationService[0] = { ...plan!, name: 'Individuell plan (IP)', key: 'ip', tierTentative: true };
    m.elements.informationCategory[1] = { ...m.elements.informationCategory[1]!, name: 'Legemidler og vaksiner' };
    const diff = diffSnapshot(frozen(), catalogueOf(m));
    expect(diff.removed).toEqual([]);
    expect(diff.added).toEqual([]);
    expect(diff.changed.map((c) => [c.service.name, c.changes])).toEqual([
      ['Multidose', [{ field: 'categoryName', before: 'Legemidler', after: 'Legemidler og vaksiner' }]],
      [
        'Individuell plan',
        [
          { field: 'name', before: 'Individuell plan', after: 'Individuell plan (IP)' },
          { field: 'tentative', before: false, after: true },
        ],
      ],
    ]);
  });

  it('tells a service moved out of the first delivery from a deleted one, and lists services added since', () => {
    const m = smallModel();
    m.elements.informationService = m.elements.informationService
      .filter((s) => s.id !== 5) // deleted
      .map((s) => (s.id === 2 ? { ...s, tierId: 11 } : s.id === 3 ? { ...s, tierId: 10 } : s));
    const list = frozen();
    const diff = diffSnapshot(list, catalogueOf(m));
    expect(diff.removed.map((r) => [r.service.name, r.reason])).toEqual([
      ['Multidose', 'left-first-delivery'],
      ['Uten kategori', 'deleted'],
    ]);
    expect(diff.added.map((s) => s.name)).toEqual(['Senere tjeneste']);
    const marks = marksByService(diff);
    expect(marks.get(list[0]!)).toEqual({ removed: 'left-first-delivery' });
    expect(marks.has(list[1]!)).toBe(false);
  });

  it('counts a frozen service whose element is gone (its id set to null) as deleted', () => {
    const list: Array<SnapshotService & { id: number }> = frozen().map((s) => (s.name === 'Multidose' ? { ...s, elementId: null } : s));
    const m = smallModel();
    m.elements.informationService = m.elements.informationService.filter((s) => s.id !== 2);
    expect(diffSnapshot(list, catalogueOf(m)).removed).toEqual([{ service: list[0], reason: 'deleted' }]);
  });
});
