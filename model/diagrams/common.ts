import type { ModelIndex } from '../lookup.ts';
import type { ServiceSelection } from '../matrix.ts';
import type { Capability } from '../schemas.ts';
import type { DiagramWords } from './types.ts';

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

/** Names as a list for a sentence: the first `max`, then how many more. */
export function nameList({ t }: Pick<DiagramWords, 't'>, names: string[], max = 10): string {
  return namesAndMore({ t }, names.slice(0, max), names.length - Math.min(names.length, max));
}

/** Names joined for a sentence ("a; b"), and how many more there are when that is not all. */
export function namesAndMore({ t }: Pick<DiagramWords, 't'>, shown: string[], more: number): string {
  const list = shown.join('; ');
  return more > 0 ? t('diagrams.list.more', { list, more }) : list;
}
