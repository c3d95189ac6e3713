import type { ElementKind } from './kinds.ts';
import type { Message } from './messages.ts';
import { indexModel } from './lookup.ts';
import { relationAccepts, relationInfo } from './relations.ts';
import type { ScopeModel } from './schemas.ts';

/**
 * Every reference in the model that does not point at an element of the kind it must: the
 * checks a foreign key cannot make because all elements share one table. Each is a catalogue
 * message (`where` is the field's path, kinds and relations their codes), said in the reader's
 * language by the import report.
 */
export function referenceProblems(model: ScopeModel): Message[] {
  const index = indexModel(model);
  const problems: Message[] = [];
  const expect = (where: string, kind: ElementKind, id: number | null, optional = true) => {
    if (id === null) {
      if (!optional) problems.push({ key: 'import.json.reference.missing', values: { where, kind } });
      return;
    }
    if (!index.get(kind, id)) problems.push({ key: 'import.json.reference.notKind', values: { where, id: String(id), kind } });
  };
  for (const s of model.elements.informationService) {
    expect(`informationService ${s.key} categoryId`, 'informationCategory', s.categoryId);
    expect(`informationService ${s.key} tierId`, 'deliveryTier', s.tierId);
    expect(`informationService ${s.key} solutionPartId`, 'solutionPart', s.solutionPartId);
  }
  for (const c of model.elements.capability) {
    expect(`capability ${c.key} parentId`, 'capability', c.parentId);
    expect(`capability ${c.key} solutionPartId`, 'solutionPart', c.solutionPartId);
  }
  for (const m of model.elements.milestone) expect(`milestone ${m.key} phaseId`, 'roadmapPhase', m.phaseId);
  for (const d of model.elements.decisionPoint) expect(`decisionPoint ${d.key} phaseId`, 'roadmapPhase', d.phaseId);
  const { links } = model;
  links.serviceCapabilities.forEach((l, i) => {
    expect(`serviceCapabilities[${i}].serviceId`, 'informationService', l.serviceId, false);
    expect(`serviceCapabilities[${i}].capabilityId`, 'capability', l.capabilityId, false);
  });
  links.serviceGoals.forEach((l, i) => {
    expect(`serviceGoals[${i}].serviceId`, 'informationService', l.serviceId, false);
    expect(`serviceGoals[${i}].goalId`, 'goal', l.goalId, false);
  });
  links.serviceDependencies.forEach((l, i) => {
    expect(`serviceDependencies[${i}].serviceId`, 'informationService', l.serviceId, false);
    expect(`serviceDependencies[${i}].projectId`, 'nationalProject', l.projectId, false);
  });
  links.serviceExchanges.forEach((l, i) => {
    expect(`serviceExchanges[${i}].serviceId`, 'informationService', l.serviceId, false);
    expect(`serviceExchanges[${i}].actorId`, 'actor', l.actorId, false);
    expect(`serviceExchanges[${i}].modeId`, 'collaborationMode', l.modeId, false);
    expect(`serviceExchanges[${i}].needLevelId`, 'needLevel', l.needLevelId);
  });
  links.servicePersonnelGroups.forEach((l, i) => {
    expect(`servicePersonnelGroups[${i}].serviceId`, 'informationService', l.serviceId, false);
    expect(`servicePersonnelGroups[${i}].personnelGroupId`, 'personnelGroup', l.personnelGroupId, false);
  });
  links.requirementElements.forEach((l, i) => {
    expect(`requirementElements[${i}].requirementId`, 'requirement', l.requirementId, false);
    if (!index.byId.has(l.elementId)) problems.push({ key: 'import.json.reference.unknown', values: { where: `requirementElements[${i}].elementId`, id: String(l.elementId) } });
  });
  links.relations.forEach((l, i) => {
    const from = index.byId.get(l.fromId);
    const to = index.byId.get(l.toId);
    if (!from || !relationInfo[l.relation].from.includes(from.kind)) problems.push({ key: 'import.json.reference.cannotStart', values: { where: `relations[${i}].fromId`, id: String(l.fromId), relation: l.relation } });
    if (!to || !relationAccepts(l.relation, to.kind)) problems.push({ key: 'import.json.reference.cannotEnd', values: { where: `relations[${i}].toId`, id: String(l.toId), relation: l.relation } });
  });
  links.regionCounties.forEach((l, i) => expect(`regionCounties[${i}].regionId`, 'region', l.regionId, false));
  // A capability may not be its own ancestor.
  for (const c of model.elements.capability) {
    const seen = new Set<number>([c.id]);
    let parent = index.get('capability', c.parentId);
    while (parent) {
      if (seen.has(parent.id)) {
        problems.push({ key: 'import.json.reference.cycle', values: { where: `capability ${c.key}` } });
        break;
      }
      seen.add(parent.id);
      parent = index.get('capability', parent.parentId);
    }
  }
  return problems;
}
