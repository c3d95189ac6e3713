import type { ElementKind } from './kinds.ts';
import type { MessageKey } from './messages.ts';
import { subtreeIds, type ModelIndex } from './lookup.ts';
import type { ScopeElement, ScopeModel } from './schemas.ts';

/** Everything else that a deletion takes with it or changes, so nothing is lost silently. */
export interface DeletionImpact {
  element: ScopeElement;
  /** Elements deleted with it: the capabilities below a capability. */
  alsoDeleted: ScopeElement[];
  /** Elements that stay but lose their reference to what is deleted (`kind`: the kind of the reference). */
  loseReference: Array<{ element: ScopeElement; kind: ElementKind }>;
  /** Links that go, counted by kind of link (`label`: a message with `{count}`). */
  links: Array<{ label: MessageKey; count: number }>;
  /** What stays and keeps the element's name though the element goes (comments, reviews). */
  kept: Array<{ label: MessageKey; count: number }>;
}

/**
 * `kept` comes from outside the scope model (consultation comments, municipal reviews): the
 * caller counts them for the ids `deletedIds` gives.
 */
export function deletionImpact(
  model: ScopeModel,
  index: ModelIndex,
  elementId: number,
  kept: Array<{ label: MessageKey; count: number }> = [],
): DeletionImpact | undefined {
  const element = index.byId.get(elementId);
  if (!element) return undefined;
  const goneIds = new Set(deletedIds(index, elementId));
  const alsoDeleted = [...goneIds].filter((id) => id !== elementId).flatMap((id) => index.byId.get(id) ?? []);

  const loseReference: DeletionImpact['loseReference'] = [];
  const refers = (e: ScopeElement, id: number | null, kind: ElementKind) => {
    if (id !== null && goneIds.has(id) && !goneIds.has(e.id)) loseReference.push({ element: e, kind });
  };
  for (const s of model.elements.informationService) {
    refers(s, s.categoryId, 'informationCategory');
    refers(s, s.tierId, 'deliveryTier');
    refers(s, s.solutionPartId, 'solutionPart');
  }
  for (const c of model.elements.capability) refers(c, c.solutionPartId, 'solutionPart');
  for (const m of model.elements.milestone) refers(m, m.phaseId, 'roadmapPhase');
  for (const d of model.elements.decisionPoint) refers(d, d.phaseId, 'roadmapPhase');

  const { links } = model;
  const count = <T,>(rows: T[], ...ids: Array<(row: T) => number | null>) =>
    rows.filter((row) => ids.some((id) => {
      const value = id(row);
      return value !== null && goneIds.has(value);
    })).length;
  const allLinks: DeletionImpact['links'] = [
    { label: 'scope.delete.links.exchanges', count: count(links.serviceExchanges, (l) => l.serviceId, (l) => l.actorId, (l) => l.modeId) },
    { label: 'scope.delete.links.needs', count: count(links.serviceExchanges.filter((l) => !goneIds.has(l.serviceId) && !goneIds.has(l.actorId) && !goneIds.has(l.modeId)), (l) => l.needLevelId) },
    { label: 'scope.delete.links.personnelGroups', count: count(links.servicePersonnelGroups, (l) => l.serviceId, (l) => l.personnelGroupId) },
    { label: 'scope.delete.links.capabilities', count: count(links.serviceCapabilities, (l) => l.serviceId, (l) => l.capabilityId) },
    { label: 'scope.delete.links.goals', count: count(links.serviceGoals, (l) => l.serviceId, (l) => l.goalId) },
    { label: 'scope.delete.links.dependencies', count: count(links.serviceDependencies, (l) => l.serviceId, (l) => l.projectId) },
    { label: 'scope.delete.links.requirements', count: count(links.requirementElements, (l) => l.requirementId, (l) => l.elementId) },
  ];
  const linkCounts = allLinks.filter((l) => l.count > 0);

  return { element, alsoDeleted, loseReference, links: linkCounts, kept: kept.filter((k) => k.count > 0) };
}

/** The ids a deletion removes: the element, and for a capability everything below it. */
export function deletedIds(index: ModelIndex, elementId: number): number[] {
  return index.get('capability', elementId) ? subtreeIds(index, elementId) : [elementId];
}

/** Whether deleting needs the architect to confirm, because something else goes or changes. */
export function needsConfirmation(impact: DeletionImpact): boolean {
  return impact.alsoDeleted.length > 0 || impact.loseReference.length > 0 || impact.links.length > 0 || impact.kept.length > 0;
}

/**
 * A short fingerprint of an impact and the element's version: a confirmation carries it, so a
 * deletion goes ahead only if what would go is still exactly what the architect was shown.
 */
export function impactFingerprint(impact: DeletionImpact): string {
  const text = JSON.stringify([
    impact.element.id,
    impact.element.version,
    impact.alsoDeleted.map((e) => [e.id, e.version]),
    impact.loseReference.map((r) => [r.element.id, r.kind]),
    impact.links.map((l) => [l.label, l.count]),
    impact.kept.map((k) => [k.label, k.count]),
  ]);
  // FNV-1a, 32 bits twice over (forwards and backwards): plenty to tell two impacts apart.
  const fnv = (chars: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < chars.length; i++) {
      h ^= chars.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return `${fnv(text)}${fnv([...text].reverse().join(''))}`;
}
