import { kindInfo } from './kinds.ts';
import { subtreeIds, type ModelIndex } from './lookup.ts';
import type { ScopeElement, ScopeModel } from './schemas.ts';

/** Everything else that a deletion takes with it or changes, so nothing is lost silently. */
export interface DeletionImpact {
  element: ScopeElement;
  /** Elements deleted with it: the capabilities below a capability. */
  alsoDeleted: ScopeElement[];
  /** Elements that stay but lose their reference to what is deleted. */
  loseReference: Array<{ element: ScopeElement; field: string }>;
  /** Links that go, counted by kind of link. */
  links: Array<{ label: string; count: number }>;
  /** What stays and keeps the element's name though the element goes (comments, reviews). */
  kept: Array<{ label: string; count: number }>;
}

/**
 * `kept` comes from outside the scope model (consultation comments, municipal reviews): the
 * caller counts them for the ids `deletedIds` gives.
 */
export function deletionImpact(
  model: ScopeModel,
  index: ModelIndex,
  elementId: number,
  kept: Array<{ label: string; count: number }> = [],
): DeletionImpact | undefined {
  const element = index.byId.get(elementId);
  if (!element) return undefined;
  const goneIds = new Set(deletedIds(index, elementId));
  const alsoDeleted = [...goneIds].filter((id) => id !== elementId).flatMap((id) => index.byId.get(id) ?? []);

  const loseReference: DeletionImpact['loseReference'] = [];
  const refers = (e: ScopeElement, id: number | null, field: string) => {
    if (id !== null && goneIds.has(id) && !goneIds.has(e.id)) loseReference.push({ element: e, field });
  };
  for (const s of model.elements.informationService) {
    refers(s, s.categoryId, kindInfo.informationCategory.singular);
    refers(s, s.tierId, kindInfo.deliveryTier.singular);
    refers(s, s.solutionPartId, kindInfo.solutionPart.singular);
  }
  for (const c of model.elements.capability) refers(c, c.solutionPartId, kindInfo.solutionPart.singular);
  for (const m of model.elements.milestone) refers(m, m.phaseId, kindInfo.roadmapPhase.singular);
  for (const d of model.elements.decisionPoint) refers(d, d.phaseId, kindInfo.roadmapPhase.singular);

  const { links } = model;
  const count = <T,>(rows: T[], ...ids: Array<(row: T) => number | null>) =>
    rows.filter((row) => ids.some((id) => {
      const value = id(row);
      return value !== null && goneIds.has(value);
    })).length;
  const linkCounts = [
    { label: 'koblinger mellom informasjonstjeneste, aktør og samhandlingsform', count: count(links.serviceExchanges, (l) => l.serviceId, (l) => l.actorId, (l) => l.modeId) },
    { label: 'behovsvurderinger på slike koblinger (koblingen blir stående uten behov)', count: count(links.serviceExchanges.filter((l) => !goneIds.has(l.serviceId) && !goneIds.has(l.actorId) && !goneIds.has(l.modeId)), (l) => l.needLevelId) },
    { label: 'koblinger mellom informasjonstjeneste og tjenesteområde', count: count(links.servicePersonnelGroups, (l) => l.serviceId, (l) => l.personnelGroupId) },
    { label: 'koblinger mellom informasjonstjeneste og funksjonsområde', count: count(links.serviceCapabilities, (l) => l.serviceId, (l) => l.capabilityId) },
    { label: 'koblinger mellom informasjonstjeneste og mål', count: count(links.serviceGoals, (l) => l.serviceId, (l) => l.goalId) },
    { label: 'avhengigheter til prosjekter i nasjonal portefølje', count: count(links.serviceDependencies, (l) => l.serviceId, (l) => l.projectId) },
    { label: 'koblinger mellom krav og element', count: count(links.requirementElements, (l) => l.requirementId, (l) => l.elementId) },
  ].filter((l) => l.count > 0);

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
    impact.loseReference.map((r) => [r.element.id, r.field]),
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
