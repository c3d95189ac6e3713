import { describe, expect, it } from 'vitest';
import { analyseGaps, gapCount } from '../../model/gaps.ts';
import { element, emptyModel } from './fixtures.ts';

/**
 * A two-tier model: tier 10 is first delivery, tier 11 is later. Services 1 and 2 are first
 * delivery, service 3 is later, service 4 has no tier.
 */
function smallModel() {
  const m = emptyModel();
  m.elements.deliveryTier = [element('deliveryTier', 10), element('deliveryTier', 11, { firstDelivery: false })];
  m.elements.informationCategory = [element('informationCategory', 20)];
  m.elements.informationService = [
    element('informationService', 1, { tierId: 10, categoryId: 20, tierTentative: true }),
    element('informationService', 2, { tierId: 10, categoryId: 20 }),
    element('informationService', 3, { tierId: 11, categoryId: 20 }),
    element('informationService', 4, { tierId: null, categoryId: null, tentative: true }),
  ];
  m.elements.personnelGroup = [element('personnelGroup', 30), element('personnelGroup', 31)];
  m.elements.actor = [element('actor', 40)];
  m.elements.collaborationMode = [element('collaborationMode', 50)];
  m.elements.needLevel = [element('needLevel', 60)];
  m.elements.capability = [
    element('capability', 70),
    element('capability', 71, { parentId: 70 }),
    element('capability', 72, { parentId: 70 }),
    element('capability', 73),
  ];
  return m;
}

describe('analyseGaps', () => {
  it('lists first-delivery services with no actor link and no personnel group, but not later ones', () => {
    const gaps = analyseGaps(smallModel());
    expect(gaps.servicesWithoutExchange.map((s) => s.id)).toEqual([1, 2]);
    expect(gaps.servicesWithoutPersonnel.map((s) => s.id)).toEqual([1, 2]);
  });

  it('drops a service from the gap once it is linked', () => {
    const m = smallModel();
    m.links.serviceExchanges.push({ serviceId: 1, actorId: 40, modeId: 50, needLevelId: null });
    m.links.servicePersonnelGroups.push({ serviceId: 2, personnelGroupId: 30, usage: 'reads' });
    const gaps = analyseGaps(m);
    expect(gaps.servicesWithoutExchange.map((s) => s.id)).toEqual([2]);
    expect(gaps.servicesWithoutPersonnel.map((s) => s.id)).toEqual([1]);
  });

  it('counts only first-delivery services when asking which personnel groups have none', () => {
    const m = smallModel();
    m.links.servicePersonnelGroups.push({ serviceId: 3, personnelGroupId: 30, usage: 'both' }); // later tier
    m.links.servicePersonnelGroups.push({ serviceId: 1, personnelGroupId: 31, usage: 'records' });
    expect(analyseGaps(m).personnelGroupsWithoutService.map((g) => g.id)).toEqual([30]);
  });

  it('treats a capability as covered when it or anything below it supports a service', () => {
    const m = smallModel();
    m.links.serviceCapabilities.push({ serviceId: 1, capabilityId: 71 });
    const gaps = analyseGaps(m);
    // 70 is covered through its child 71; its other child 72 and the root 73 are not.
    expect(gaps.capabilitiesWithoutService.map((c) => c.id)).toEqual([72, 73]);
  });

  it('lists services without tier or category', () => {
    const gaps = analyseGaps(smallModel());
    expect(gaps.servicesWithoutTier.map((s) => s.id)).toEqual([4]);
    expect(gaps.servicesWithoutCategory.map((s) => s.id)).toEqual([4]);
  });

  it('finds elements nothing links to, and forgets them once something does', () => {
    const m = smallModel();
    let unlinked = analyseGaps(m).unlinked.map((e) => e.id);
    // The category and tier 10/11 are used by services; parents are pointed at by children.
    expect(unlinked).toEqual([30, 31, 71, 72, 73, 50, 40, 60]);
    m.links.serviceExchanges.push({ serviceId: 1, actorId: 40, modeId: 50, needLevelId: 60 });
    m.elements.requirement.push(element('requirement', 80, { ref: 'AKS-0001', text: 't', rationale: '', priority: 'must', status: 'draft' }));
    m.links.requirementElements.push({ requirementId: 80, elementId: 73 });
    unlinked = analyseGaps(m).unlinked.map((e) => e.id);
    expect(unlinked).toEqual([30, 31, 71, 72]);
  });

  it('reports tentative elements and tentative tier placements separately', () => {
    const gaps = analyseGaps(smallModel());
    expect(gaps.tentative.map((e) => e.id)).toEqual([4]);
    expect(gaps.tentativeTierAssignments.map((s) => s.id)).toEqual([1]);
  });

  it('gives an empty report for an empty model', () => {
    const gaps = analyseGaps(emptyModel());
    expect(gapCount(gaps)).toBe(0);
    expect(gaps.tentative).toEqual([]);
  });
});
