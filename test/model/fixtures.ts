import type { ElementKind } from '../../model/kinds.ts';
import { emptyScopeModel } from '../../model/lookup.ts';
import type { ElementOfKind } from '../../model/schemas.ts';

/** A small hand-made model: every list empty unless given. */
export const emptyModel = emptyScopeModel;

const defaults: { [K in ElementKind]?: Partial<ElementOfKind[K]> } = {
  capability: { parentId: null, solutionPartId: null, solutionPartProvenance: { level: 'inferred', note: '', fromLine: null, toLine: null } },
  region: { recordSolution: 'felles-kommunal-journal' },
  informationService: { categoryId: null, tierId: null, tierTentative: false, solutionPartId: null },
  deliveryTier: { firstDelivery: true },
  needLevel: { rank: 1 },
};

/** One element of a kind, with sensible defaults for everything not given. */
export function element<K extends ElementKind>(kind: K, id: number, extra: Partial<ElementOfKind[K]> = {}): ElementOfKind[K] {
  return {
    id,
    kind,
    key: `${kind.toLowerCase()}-${id}`,
    name: `${kind} ${id}`,
    nameEn: null,
    description: '',
    source: null,
    tentative: false,
    provenance: 'stated',
    provenanceNote: '',
    sourceQuote: null,
    position: id,
    version: 1,
    ...(defaults[kind] ?? {}),
    ...extra,
  } as ElementOfKind[K];
}
