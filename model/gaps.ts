import type { ElementKind } from './kinds.ts';
import { linkTypeNames, type LinkType } from './link-types.ts';
import { lacksReason, type LinkProvenance } from './provenance.ts';
import { allElements, firstDeliveryTierIds, indexModel, subtreeIds } from './lookup.ts';
import type { Capability, InformationService, PersonnelGroup, ScopeElement, ScopeModel } from './schemas.ts';

/** The kinds whose elements exist to be linked to; one that nothing links to is a gap. */
export const linkTargetKinds: readonly ElementKind[] = [
  'solutionPart',
  'personnelGroup',
  'task',
  'capability',
  'informationCategory',
  'deliveryTier',
  'collaborationMode',
  'actor',
  'needLevel',
  'goal',
  'nationalProject',
];

export interface GapReport {
  /** First-delivery services no actor exchanges in any collaboration mode. */
  servicesWithoutExchange: InformationService[];
  /** First-delivery services no personnel group reads or records. */
  servicesWithoutPersonnel: InformationService[];
  /** Personnel groups that use no first-delivery service. */
  personnelGroupsWithoutService: PersonnelGroup[];
  /** Capabilities with no service linked to them or to anything below them. */
  capabilitiesWithoutService: Capability[];
  servicesWithoutTier: InformationService[];
  servicesWithoutCategory: InformationService[];
  /** Elements of the link-target kinds that nothing links to. */
  unlinked: ScopeElement[];
  /** Elements the source marks TENTATIVT or UNDER ARBEID, or that architects marked so. */
  tentative: ScopeElement[];
  /** Services whose placement in a tier is still tentative. */
  tentativeTierAssignments: InformationService[];
  /** Elements that are the editors' reading of the source, not what it says (issue 16). */
  inferred: ScopeElement[];
}

/** What is missing or uncertain in the model. Pure: the same model always gives the same report. */
export function analyseGaps(model: ScopeModel): GapReport {
  const index = indexModel(model);
  const firstTiers = firstDeliveryTierIds(model);
  const services = model.elements.informationService;
  const firstDelivery = services.filter((s) => s.tierId !== null && firstTiers.has(s.tierId));
  const firstDeliveryIds = new Set(firstDelivery.map((s) => s.id));

  const exchanged = new Set(model.links.serviceExchanges.map((l) => l.serviceId));
  const usedBy = new Set(model.links.servicePersonnelGroups.map((l) => l.serviceId));
  const groupsUsingFirstDelivery = new Set(
    model.links.servicePersonnelGroups.filter((l) => firstDeliveryIds.has(l.serviceId)).map((l) => l.personnelGroupId),
  );

  const directlySupported = new Set(model.links.serviceCapabilities.map((l) => l.capabilityId));
  const capabilitiesWithoutService = model.elements.capability.filter(
    (c) => !subtreeIds(index, c.id).some((id) => directlySupported.has(id)),
  );

  return {
    servicesWithoutExchange: firstDelivery.filter((s) => !exchanged.has(s.id)),
    servicesWithoutPersonnel: firstDelivery.filter((s) => !usedBy.has(s.id)),
    personnelGroupsWithoutService: model.elements.personnelGroup.filter((g) => !groupsUsingFirstDelivery.has(g.id)),
    capabilitiesWithoutService,
    servicesWithoutTier: services.filter((s) => s.tierId === null),
    servicesWithoutCategory: services.filter((s) => s.categoryId === null),
    unlinked: unlinkedElements(model),
    tentative: allElements(model).filter((e) => e.tentative),
    tentativeTierAssignments: services.filter((s) => s.tierId !== null && s.tierTentative),
    inferred: allElements(model).filter((e) => e.provenance === 'inferred'),
  };
}

/** Every element id that something else in the model points at. */
export function referencedIds(model: ScopeModel): Set<number> {
  const ids = new Set<number>();
  const add = (id: number | null) => {
    if (id !== null) ids.add(id);
  };
  for (const s of model.elements.informationService) {
    add(s.categoryId);
    add(s.tierId);
    add(s.solutionPartId);
  }
  for (const c of model.elements.capability) {
    add(c.parentId);
    add(c.solutionPartId);
  }
  for (const m of model.elements.milestone) add(m.phaseId);
  for (const d of model.elements.decisionPoint) add(d.phaseId);
  const { links } = model;
  for (const l of links.serviceCapabilities) add(l.capabilityId);
  for (const l of links.serviceGoals) add(l.goalId);
  for (const l of links.serviceDependencies) add(l.projectId);
  for (const l of links.serviceExchanges) {
    add(l.actorId);
    add(l.modeId);
    add(l.needLevelId);
  }
  for (const l of links.servicePersonnelGroups) add(l.personnelGroupId);
  for (const l of links.requirementElements) add(l.elementId);
  return ids;
}

function unlinkedElements(model: ScopeModel): ScopeElement[] {
  const referenced = referencedIds(model);
  // A capability's children point at it, so a parent in the tree is never unlinked.
  return linkTargetKinds.flatMap((kind) =>
    (model.elements[kind] as ScopeElement[]).filter((e) => !referenced.has(e.id)),
  );
}

/** How many entries the report has in all, for a badge. */
export function gapCount(report: GapReport): number {
  return (
    report.servicesWithoutExchange.length +
    report.servicesWithoutPersonnel.length +
    report.personnelGroupsWithoutService.length +
    report.capabilitiesWithoutService.length +
    report.servicesWithoutTier.length +
    report.servicesWithoutCategory.length +
    report.unlinked.length
  );
}

/** How many links of one type are the editors' reading of the source, and how many of those lack a reason. */
export interface InferredLinkCount {
  type: LinkType;
  total: number;
  withoutReason: number;
}

/**
 * The inferred links by type (issue 16: "the gap analysis counts inferred items", links as well as
 * elements). Pure, over a whole model; the gap page counts the same in SQL (`loadGapReport`).
 */
export function countInferredLinks(model: ScopeModel): InferredLinkCount[] {
  const provenances: Record<LinkType, Array<LinkProvenance | undefined>> = {
    serviceCapabilities: model.links.serviceCapabilities.map((l) => l.provenance),
    serviceGoals: model.links.serviceGoals.map((l) => l.provenance),
    serviceDependencies: model.links.serviceDependencies.map((l) => l.provenance),
    serviceExchanges: model.links.serviceExchanges.map((l) => l.provenance),
    servicePersonnelGroups: model.links.servicePersonnelGroups.map((l) => l.provenance),
    requirementElements: model.links.requirementElements.map((l) => l.provenance),
    relations: model.links.relations.map((l) => l.provenance),
    regionCounties: model.links.regionCounties.map((l) => l.provenance),
    capabilitySolutionPart: model.elements.capability.filter((c) => c.solutionPartId !== null).map((c) => c.solutionPartProvenance),
  };
  return linkTypeNames.map((type) => {
    const inferred = provenances[type].filter((p): p is LinkProvenance => p?.level === 'inferred');
    return { type, total: inferred.length, withoutReason: inferred.filter(lacksReason).length };
  });
}
