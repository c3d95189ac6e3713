import type { BaselineSnapshot } from './baselines.ts';
import type { ModelExport } from './export.ts';
import { elementKinds, type ElementKind } from './kinds.ts';
import type { RequirementChapter, RequirementRelation } from './requirements.ts';
import type { ScopeElement, ScopeLinks } from './schemas.ts';

/*
 * The compact form of a baseline (issue 13, for speed): beside the whole snapshot, one row per
 * element holding the element and the links it owns (a requirement's "gjelder" links and
 * relations, a service's links), plus a header row with the chapters and types. Two baselines
 * are then compared by their rows' fingerprints in SQL, and only the rows that differ (with the
 * elements their links name, for names) are read back into two partial snapshots for
 * `diffBaselines`: what is the same on both sides is the same in both partial snapshots, so it
 * shows no change, and the diff is the one the whole snapshots give.
 */

/** The links `diffBaselines` compares, grouped under the element that owns them. */
export interface OwnedLinks {
  requirementElements?: ScopeLinks['requirementElements'];
  requirementRelations?: RequirementRelation[];
  serviceCapabilities?: ScopeLinks['serviceCapabilities'];
  serviceGoals?: ScopeLinks['serviceGoals'];
  serviceDependencies?: ScopeLinks['serviceDependencies'];
  servicePersonnelGroups?: ScopeLinks['servicePersonnelGroups'];
  serviceExchanges?: ScopeLinks['serviceExchanges'];
}

export interface CompactElement {
  element: ScopeElement;
  links: OwnedLinks;
}

export interface CompactHeader {
  requirementChapters: RequirementChapter[];
  requirementTypes: Array<{ key: string; label: string }>;
}

/** The element id of the header row (element ids start at 1). */
export const headerRowId = 0;

/** Every element of a snapshot with the links it owns, and the header. */
export function compactSnapshot(snapshot: BaselineSnapshot): { header: CompactHeader; elements: CompactElement[] } {
  const owned = new Map<number, OwnedLinks>();
  const add = <K extends keyof OwnedLinks>(owner: number, key: K, link: NonNullable<OwnedLinks[K]>[number]) => {
    let links = owned.get(owner);
    if (!links) owned.set(owner, (links = {}));
    ((links[key] ??= []) as Array<typeof link>).push(link);
  };
  const { links } = snapshot.model;
  for (const l of links.requirementElements) add(l.requirementId, 'requirementElements', l);
  for (const r of snapshot.requirementRelations) add(r.fromId, 'requirementRelations', r);
  for (const l of links.serviceCapabilities) add(l.serviceId, 'serviceCapabilities', l);
  for (const l of links.serviceGoals) add(l.serviceId, 'serviceGoals', l);
  for (const l of links.serviceDependencies) add(l.serviceId, 'serviceDependencies', l);
  for (const l of links.servicePersonnelGroups) add(l.serviceId, 'servicePersonnelGroups', l);
  for (const l of links.serviceExchanges) add(l.serviceId, 'serviceExchanges', l);
  const elements = elementKinds.flatMap((kind) => (snapshot.model.elements[kind] as ScopeElement[]).map((element) => ({ element, links: owned.get(element.id) ?? {} })));
  return { header: { requirementChapters: snapshot.requirementChapters, requirementTypes: snapshot.requirementTypes }, elements };
}

/** The fields of an element that hold another element's id (a service's tier, a capability's parent, …). */
const refFields = ['categoryId', 'tierId', 'solutionPartId', 'parentId', 'phaseId'] as const;

/**
 * The ids a compact element names, for their names: its links' other ends, an exchange's mode and
 * need level, and the elements its fields refer to (a changed tier shows the tiers' names).
 */
export function namedIds(row: CompactElement): number[] {
  const { links } = row;
  const ids: number[] = [];
  const element = row.element as unknown as Record<string, unknown>;
  for (const field of refFields) if (typeof element[field] === 'number') ids.push(element[field]);
  for (const l of links.requirementElements ?? []) ids.push(l.elementId);
  for (const r of links.requirementRelations ?? []) ids.push(r.toId);
  for (const l of links.serviceCapabilities ?? []) ids.push(l.capabilityId);
  for (const l of links.serviceGoals ?? []) ids.push(l.goalId);
  for (const l of links.serviceDependencies ?? []) ids.push(l.projectId);
  for (const l of links.servicePersonnelGroups ?? []) ids.push(l.personnelGroupId);
  for (const l of links.serviceExchanges ?? []) ids.push(l.actorId, l.modeId, ...(l.needLevelId === null ? [] : [l.needLevelId]));
  return ids;
}

/** A snapshot holding only `rows` (what `diffBaselines` reads of it), with the header's chapters and types. */
export function partialSnapshot(header: CompactHeader, rows: Iterable<CompactElement>): BaselineSnapshot {
  const elements = Object.fromEntries(elementKinds.map((k) => [k, [] as ScopeElement[]])) as Record<ElementKind, ScopeElement[]>;
  const links: Required<OwnedLinks> = {
    requirementElements: [],
    requirementRelations: [],
    serviceCapabilities: [],
    serviceGoals: [],
    serviceDependencies: [],
    servicePersonnelGroups: [],
    serviceExchanges: [],
  };
  for (const row of rows) {
    elements[row.element.kind].push(row.element);
    for (const key of Object.keys(row.links) as Array<keyof OwnedLinks>) (links[key] as unknown[]).push(...(row.links[key] ?? []));
  }
  const { requirementRelations, ...modelLinks } = links;
  const model = { elements, links: { ...modelLinks, relations: [], regionCounties: [] }, sourceDocuments: [], municipalities: [] } as unknown as ModelExport;
  return { model, requirementChapters: header.requirementChapters, requirementRelations, requirementTypes: header.requirementTypes };
}

/**
 * A frozen baseline as text: the whole snapshot (for the `snapshot` column and
 * `/api/baselines/{id}`) and the compact rows. (Measured at 100×: one JSON.stringify of the whole
 * snapshot, ~50 ms, plus one per row, ~85 ms, cost the same as sharing the elements' JSON between
 * the two, so the simple form stays.)
 */
export function serializeBaseline(snapshot: BaselineSnapshot): { snapshot: string; rows: Array<{ id: number; data: string }> } {
  const { header, elements } = compactSnapshot(snapshot);
  const rows = [{ id: headerRowId, data: JSON.stringify(header) }, ...elements.map((e) => ({ id: e.element.id, data: JSON.stringify(e) }))];
  return { snapshot: JSON.stringify(snapshot), rows };
}
