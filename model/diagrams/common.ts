import type { ModelIndex } from '../lookup.ts';
import type { ServiceSelection } from '../matrix.ts';
import type { Capability } from '../schemas.ts';

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

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Names as a list for a sentence: the first `max`, then how many more. */
export function nameList(names: string[], max = 10): string {
  const shown = names.slice(0, max).join('; ');
  return names.length > max ? `${shown} og ${names.length - max} til` : shown;
}
