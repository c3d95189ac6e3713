import { describe, expect, it } from 'vitest';
import { collaborationMap } from '../../../model/diagrams/collaboration-map.ts';
import { dependencies } from '../../../model/diagrams/dependencies.ts';
import { firstDelivery } from '../../../model/diagrams/first-delivery.ts';
import { roadmapGantt } from '../../../model/diagrams/roadmap.ts';
import { scopeOverview } from '../../../model/diagrams/scope-overview.ts';
import { serviceContext } from '../../../model/diagrams/service-context.ts';
import type { Diagram, DiagramWords } from '../../../model/diagrams/types.ts';
import type { ModelIndex } from '../../../model/lookup.ts';
import type { ScopeModel } from '../../../model/schemas.ts';
import { i18nFor } from '../../../views/i18n/index.ts';
import { diagramModel, withIndex } from './model.ts';
import { shown } from './syntax.ts';

/** The test model with an English name on every element, so whatever bokmål is left is interface text. */
function inEnglish(model: ScopeModel): ScopeModel {
  const elements = Object.fromEntries(
    Object.entries(model.elements).map(([kind, list]) => [kind, list.map((e: { id: number }) => ({ ...e, nameEn: `Thing ${e.id}` }))]),
  ) as ScopeModel['elements'];
  return { ...model, elements };
}

type Generate = (model: ScopeModel, index: ModelIndex, words: DiagramWords) => Diagram;

const generators: Array<[string, Generate]> = [
  ['scope overview', (m, i, w) => scopeOverview(m, i, w)],
  ['scope overview, collapsed', (m, i, w) => scopeOverview(m, i, w, { threshold: 5 })],
  ['collaboration map', (m, i, w) => collaborationMap(m, i, w)],
  ['collaboration map, filtered', (m, i, w) => collaborationMap(m, i, w, { selection: { actorId: 52 } })],
  ['first-delivery tiers', (m, i, w) => firstDelivery(m, i, w)],
  ['roadmap', (m, i, w) => roadmapGantt(m, i, w)],
  ['roadmap, one track', (m, i, w) => roadmapGantt(m, i, w, { track: 'journal' })],
  ['service context', (m, i, w) => serviceContext(m, i, i.get('informationService', 40)!, w)],
  ['service context, nothing linked', (m, i, w) => serviceContext(m, i, i.get('informationService', 44)!, w)],
  ['dependencies', (m, i, w) => dependencies(m, i, w)],
  ['dependencies, collapsed', (m, i, w) => dependencies(m, i, w, { threshold: 5 })],
  ['dependencies, collapsed and one category expanded', (m, i, w) => dependencies(m, i, w, { threshold: 5, expandId: 20 })],
  ['dependencies, none registered', (m, i, w) => dependencies({ ...m, links: { ...m.links, serviceDependencies: [] } }, i, w)],
];

/** Every text of a diagram a reader meets: title, description, notes, legend, table and the labels drawn. */
function texts(d: Diagram): string[] {
  const out: string[] = [d.title, d.description, ...d.notes, ...d.legend.map((l) => l.label), d.table.caption, ...d.table.columns];
  const walk = (value: unknown, key = ''): void => {
    if (key === 'element' || key === 'href' || key === 'key') return;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(d.table.rows);
  out.push(...[...d.source.matchAll(/"([^"]*)"/g), ...d.source.matchAll(/^\s{2}(?:accTitle|accDescr|section): (.*)$/gm), ...d.source.matchAll(/^\s{4}([^:]*):/gm)].map((m) => shown(m[1]!)));
  return out;
}

/** Bokmål: its letters, or a word English does not have. */
const bokmal = /[æøåÆØÅ]|\b(?:og|ikke|eller|av|på|til|med|som|er|har|ingen|uten|tjenester?|avhenger|behov|aktører|prosjekter|fase|milepæl|stiplet|Grønn|Gul|Rød)\b/;

describe('the diagrams in the English interface', () => {
  const en = i18nFor('en');
  const nb = i18nFor('nb');
  const english = withIndex(inEnglish(diagramModel()));
  const bokmalNames = Object.values(diagramModel().elements).flatMap((list: Array<{ name: string }>) => list.map((e) => e.name)).filter((name) => /\p{L}/u.test(name));

  it.each(generators)('%s has no bokmål left, and names the elements by their English names', (_, generate) => {
    const d = generate(english.model, english.index, en);
    const left = texts(d).filter((text) => bokmal.test(text));
    expect(left).toEqual([]);
    // No element is drawn or listed by its bokmål name.
    const shownTexts = texts(d);
    expect(bokmalNames.filter((name) => shownTexts.some((text) => text.includes(name)))).toEqual([]);
    // The same drawing in either language: the words change, never the shape.
    expect(d.nodeCount).toBe(generate(english.model, english.index, nb).nodeCount);
  });

  it('writes plurals and statuses in English', () => {
    const d = dependencies(english.model, english.index, en);
    expect(d.description).toBe('4 projects in the national portfolio and 4 information services that depend on them. 1 service in the first delivery depends on a project with status Yellow or Red.');
    expect(texts(d)).toContain('Thing 91 (Yellow)');
    expect(texts(d)).toContain('Thing 93 (status not given)');
  });

  it('draws an element without a readable name as “(no name)” in English and «(uten navn)» in bokmål', () => {
    const model = inEnglish(diagramModel());
    const unnamed = { ...model, elements: { ...model.elements, informationService: model.elements.informationService.map((e) => ({ ...e, name: '\u0007', nameEn: '\u0007' })) } };
    const { index } = withIndex(unnamed);
    expect(shown(firstDelivery(unnamed, index, en).source)).toContain('(no name)');
    expect(shown(firstDelivery(unnamed, index, en).source)).not.toContain('uten navn');
    expect(shown(firstDelivery(unnamed, index, nb).source)).toContain('(uten navn)');
  });
});
