import { describe, expect, it } from 'vitest';
import { derivationWouldCycle, numberChapters, requirementCoverage } from '../../model/requirements.ts';
import { element, emptyModel } from './fixtures.ts';

/**
 * Tier 10 is first delivery, 11 later. First-delivery services 1, 2, 3; later service 4.
 * Requirements 100 (governs 1), 101 (governs 4 and capability 70), 102 (governs nothing),
 * 103 (governed service 5, since deleted: kept by name), 104 (governs 1 and 2).
 * Expected: 3 first-delivery services, of which 1 without a requirement (3); two requirements
 * governing nothing (102, 103); one whose element was deleted (103).
 */
function constructed() {
  const m = emptyModel();
  m.elements.deliveryTier = [element('deliveryTier', 10), element('deliveryTier', 11, { firstDelivery: false })];
  m.elements.informationService = [
    element('informationService', 1, { tierId: 10 }),
    element('informationService', 2, { tierId: 10 }),
    element('informationService', 3, { tierId: 10 }),
    element('informationService', 4, { tierId: 11 }),
  ];
  m.elements.capability = [element('capability', 70)];
  m.elements.requirement = [100, 101, 102, 103, 104].map((id) => element('requirement', id));
  m.links.requirementElements = [
    { requirementId: 100, elementId: 1 },
    { requirementId: 101, elementId: 4 },
    { requirementId: 101, elementId: 70 },
    { requirementId: 104, elementId: 1 },
    { requirementId: 104, elementId: 2 },
  ];
  return m;
}

describe('requirement coverage', () => {
  it('gives the known figures on a constructed model', () => {
    const lost = [{ requirementId: 103, elementKind: 'informationService', elementKey: 's5', elementName: 'Tjeneste 5', deletedAt: '2026-11-26T12:00:00Z' }];
    const coverage = requirementCoverage(constructed(), lost);
    expect(coverage.firstDeliveryServices).toBe(3);
    expect(coverage.firstDeliveryWithoutRequirement.map((s) => s.id)).toEqual([3]);
    expect(coverage.governingNothing.map((r) => r.id)).toEqual([102, 103]);
    expect(coverage.withDeletedElement.map((r) => [r.requirement.id, r.lost.map((l) => l.elementName)])).toEqual([[103, ['Tjeneste 5']]]);
    expect(coverage.requirements).toBe(5);
  });
});

describe('derivation', () => {
  it('refuses a link that would close a cycle, directly or through others, and a link to itself', () => {
    const relations = [
      { fromId: 2, toId: 1, kind: 'derived_from' as const },
      { fromId: 3, toId: 2, kind: 'derived_from' as const },
      { fromId: 1, toId: 3, kind: 'supersedes' as const },
    ];
    expect(derivationWouldCycle(relations, 1, 3)).toBe(true);
    expect(derivationWouldCycle(relations, 1, 2)).toBe(true);
    expect(derivationWouldCycle(relations, 4, 4)).toBe(true);
    expect(derivationWouldCycle(relations, 4, 3)).toBe(false);
    // Supersedes is not derivation: 3 → 1 as derivation is fine although 1 supersedes 3.
    expect(derivationWouldCycle(relations, 3, 1)).toBe(false);
  });
});

describe('chapters', () => {
  it('are numbered in reading order as a tree', () => {
    const chapters = [
      { id: 5, parentId: null, name: 'Drift', position: 1, version: 1 },
      { id: 6, parentId: 7, name: 'Lab', position: 0, version: 1 },
      { id: 7, parentId: null, name: 'Funksjon', position: 0, version: 1 },
      { id: 8, parentId: 7, name: 'Legemidler', position: 1, version: 1 },
    ];
    expect(numberChapters(chapters).map((c) => `${c.number} ${c.name}`)).toEqual(['1 Funksjon', '1.1 Lab', '1.2 Legemidler', '2 Drift']);
  });
});
