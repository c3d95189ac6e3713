import { i18nFor } from '../../../views/i18n/index.ts';
import { describe, expect, it } from 'vitest';
import { collaborationMap } from '../../../model/diagrams/collaboration-map.ts';
import { dependencies } from '../../../model/diagrams/dependencies.ts';
import { firstDelivery } from '../../../model/diagrams/first-delivery.ts';
import { roadmapGantt } from '../../../model/diagrams/roadmap.ts';
import { scopeOverview } from '../../../model/diagrams/scope-overview.ts';
import { serviceContext } from '../../../model/diagrams/service-context.ts';
import type { Diagram } from '../../../model/diagrams/types.ts';
import type { ModelIndex } from '../../../model/lookup.ts';
import type { ScopeModel } from '../../../model/schemas.ts';
import { hostileNames } from '../../hostile-names.ts';
import { diagramModel, renamed, withIndex } from './model.ts';
import { expectedLabel, expectSafeFlowchart, expectSafeGantt, shown } from './syntax.ts';

const generators: Array<[string, (model: ScopeModel, index: ModelIndex) => Diagram]> = [
  ['scope overview', (m, i) => scopeOverview(m, i, i18nFor('nb'))],
  ['collaboration map', (m, i) => collaborationMap(m, i, i18nFor('nb'))],
  ['first-delivery tiers', (m, i) => firstDelivery(m, i, i18nFor('nb'))],
  ['roadmap', (m, i) => roadmapGantt(m, i, i18nFor('nb'))],
  ['service context', (m, i) => serviceContext(m, i, i.get('informationService', 40)!, i18nFor('nb'))],
  ['dependencies', (m, i) => dependencies(m, i, i18nFor('nb'))],
];

/** Every label in the source, as Mermaid will show it. */
const labels = (source: string) => [...source.matchAll(/"([^"]*)"/g), ...source.matchAll(/^\s{4}([^:]*):/gm)].map((m) => shown(m[1]!));

const plain = withIndex(diagramModel());
const cases = hostileNames.flatMap((name) => generators.map(([what, generate]) => [what, JSON.stringify(name).slice(0, 40), name, generate] as const));

describe('every generator with every element given a hostile name', () => {
  it.each(cases)('%s, named %s', (what, _, name, generate) => {
    const hostile = withIndex(renamed(diagramModel(), [name]));
    const d = generate(hostile.model, hostile.index);
    if (what === 'roadmap') expectSafeGantt(d.source);
    else expectSafeFlowchart(d.source);
    // A name changes what a node says, never how many nodes there are.
    expect(d.nodeCount).toBe(generate(plain.model, plain.index).nodeCount);
    // Somewhere a node carries the bare name, shown exactly as written (shortened if long).
    expect(labels(d.source)).toContain(expectedLabel(name));
    // The table beside it has the full name, for the page to escape as HTML.
    expect(JSON.stringify(d.table.rows)).toContain(JSON.stringify(name).slice(1, -1));
  });

  it.each(generators)('%s stays safe with all the hostile names at once', (what, generate) => {
    const hostile = withIndex(renamed(diagramModel(), hostileNames));
    const d = generate(hostile.model, hostile.index);
    if (what === 'roadmap') expectSafeGantt(d.source);
    else expectSafeFlowchart(d.source);
    expect(d.nodeCount).toBe(generate(plain.model, plain.index).nodeCount);
  });
});
