import { elementKinds, type ElementKind } from './kinds.ts';
import type { Capability, ElementOfKind, ScopeElement, ScopeModel } from './schemas.ts';

/** Lookups over a loaded model: by id, by kind and key, and the capability tree. */
export interface ModelIndex {
  byId: ReadonlyMap<number, ScopeElement>;
  get<K extends ElementKind>(kind: K, id: number | null | undefined): ElementOfKind[K] | undefined;
  byKey<K extends ElementKind>(kind: K, key: string): ElementOfKind[K] | undefined;
  childrenOf(capabilityId: number | null): Capability[];
}

/** A model with no elements, links or municipalities: the start for building one up. */
export function emptyScopeModel(): ScopeModel {
  return {
    sourceDocuments: [],
    elements: Object.fromEntries(elementKinds.map((kind) => [kind, []])) as unknown as ScopeModel['elements'],
    links: {
      serviceCapabilities: [],
      serviceGoals: [],
      serviceDependencies: [],
      serviceExchanges: [],
      servicePersonnelGroups: [],
      requirementElements: [],
      relations: [],
      regionCounties: [],
    },
    municipalities: [],
  };
}

export function allElements(model: ScopeModel): ScopeElement[] {
  return elementKinds.flatMap((kind) => model.elements[kind] as ScopeElement[]);
}

export function indexModel(model: ScopeModel): ModelIndex {
  const byId = new Map<number, ScopeElement>();
  const byKindKey = new Map<string, ScopeElement>();
  for (const element of allElements(model)) {
    byId.set(element.id, element);
    byKindKey.set(`${element.kind}:${element.key}`, element);
  }
  const children = new Map<number | null, Capability[]>();
  for (const c of model.elements.capability) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  for (const list of children.values()) list.sort(byPosition);
  return {
    byId,
    get<K extends ElementKind>(kind: K, id: number | null | undefined) {
      if (id === null || id === undefined) return undefined;
      const e = byId.get(id);
      return e && e.kind === kind ? (e as ElementOfKind[K]) : undefined;
    },
    byKey<K extends ElementKind>(kind: K, key: string) {
      return byKindKey.get(`${kind}:${key}`) as ElementOfKind[K] | undefined;
    },
    childrenOf(capabilityId: number | null) {
      return children.get(capabilityId) ?? [];
    },
  };
}

export function byPosition(a: { position: number; id: number }, b: { position: number; id: number }): number {
  return a.position - b.position || a.id - b.id;
}

/** The capability and everything below it, depth first. */
export function subtreeIds(index: ModelIndex, rootId: number): number[] {
  // The database refuses cycles, but a walk must end even on a tree that has one.
  const seen = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const child of index.childrenOf(id)) stack.push(child.id);
  }
  return [...seen];
}

/** Ids of the tiers that make up the first delivery. */
export function firstDeliveryTierIds(model: ScopeModel): Set<number> {
  return new Set(model.elements.deliveryTier.filter((t) => t.firstDelivery).map((t) => t.id));
}
