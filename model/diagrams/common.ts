import { byPosition, type ModelIndex } from '../lookup.ts';
import type { ServiceSelection } from '../matrix.ts';
import type { Capability, InformationService, ScopeModel } from '../schemas.ts';

export function isFiltered(selection: ServiceSelection): boolean {
  return Object.values(selection).some((v) => v !== undefined);
}

/** The solution part a capability sits in: its own, or the nearest ancestor's. */
export function capabilityPartId(index: ModelIndex, capability: Capability): number | null {
  let current: Capability | undefined = capability;
  for (let depth = 0; current && depth < 50; depth++) {
    if (current.solutionPartId !== null) return current.solutionPartId;
    current = index.get('capability', current.parentId);
  }
  return null;
}

/** The solution parts that carry a service: its own, and those of the capabilities that support it. */
export function servicePartIds(model: ScopeModel, index: ModelIndex): (service: InformationService) => Set<number> {
  const capabilitiesOf = groupBy(model.links.serviceCapabilities, (l) => l.serviceId);
  return (service) => {
    const parts = new Set<number>();
    if (service.solutionPartId !== null && index.get('solutionPart', service.solutionPartId)) parts.add(service.solutionPartId);
    for (const link of capabilitiesOf.get(service.id) ?? []) {
      const capability = index.get('capability', link.capabilityId);
      const part = capability ? capabilityPartId(index, capability) : null;
      if (part !== null && index.get('solutionPart', part)) parts.add(part);
    }
    return parts;
  };
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The categories of some services in the model's order, "without category" (null) last. */
export function categoriesOf(services: InformationService[], index: ModelIndex) {
  const byCategory = groupBy(services, (s) => s.categoryId);
  return [...byCategory.entries()]
    .map(([id, list]) => ({ category: index.get('informationCategory', id), services: [...list].sort(byPosition) }))
    .sort((a, b) => (a.category ? a.category.position : Number.MAX_SAFE_INTEGER) - (b.category ? b.category.position : Number.MAX_SAFE_INTEGER) || (a.category?.id ?? 0) - (b.category?.id ?? 0));
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Names as a list for a sentence: the first `max`, then how many more. */
export function nameList(names: string[], max = 10): string {
  const shown = names.slice(0, max).join('; ');
  return names.length > max ? `${shown} og ${names.length - max} til` : shown;
}
