import { describe, expect, it } from 'vitest';
import { elementKinds, kindInfo, unhandledKind, type ElementKind } from '../../model/kinds.ts';
import { kindViews } from '../../views/pages/element-detail.tsx';

/**
 * One registry of kinds (`model/kinds.ts`); each place that depends on the kind is a record over
 * all kinds or a switch ending in `unhandledKind`. The lines marked `@ts-expect-error` are checked
 * by `tsc` (the first step of `npm test`): should a kind without its view ever compile, the
 * directive is unused and the type check fails.
 */
type WithNewKind = ElementKind | 'newKind';

// Every kind has its view on the element page…
export const everyKindHasAView: Record<ElementKind, unknown> = kindViews;
// …and a kind added to the registry without one does not compile.
// @ts-expect-error `newKind` has no entry in kindViews
export const aNewKindNeedsAView: Record<WithNewKind, unknown> = kindViews;

// A switch over kinds that has no case for the new kind does not compile either.
export function aSwitchNamesTheMissingKind(kind: WithNewKind): string {
  switch (kind) {
    case 'solutionPart':
    case 'personnelGroup':
    case 'task':
    case 'capability':
    case 'informationCategory':
    case 'informationService':
    case 'deliveryTier':
    case 'collaborationMode':
    case 'actor':
    case 'needLevel':
    case 'goal':
    case 'roadmapPhase':
    case 'milestone':
    case 'decisionPoint':
    case 'stakeholder':
    case 'nationalProject':
    case 'requirement':
      return kindInfo[kind].singular;
    default:
      // @ts-expect-error `newKind` has no case
      return unhandledKind(kind);
  }
}

describe('the registry of element kinds', () => {
  it('gives every kind, and only the kinds, a view on the element page', () => {
    expect(Object.keys(kindViews).sort()).toEqual([...elementKinds].sort());
    for (const kind of elementKinds) expect(typeof kindViews[kind], kind).toBe('function');
  });

  it('names the kind a switch forgot when it is reached anyway', () => {
    expect(() => unhandledKind('newKind' as never)).toThrow('newKind');
  });
});
