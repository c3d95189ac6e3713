import { byPosition, type ModelIndex } from '../lookup.ts';
import type { Capability, InformationCategory, ScopeModel } from '../schemas.ts';
import { capabilityPartId, isFiltered } from './common.ts';
import { figuresOf } from './figures.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, style } from './palette.ts';
import { collapseNote, DEFAULT_THRESHOLD, ref, type Cell, type Diagram, type DiagramOptions, type DiagramWords } from './types.ts';

/**
 * The scope at a glance: the solution parts, the capability tree under each, and the
 * information categories each part carries (through services placed in the part or supported
 * by one of its capabilities). What no part carries hangs under "not placed", so a model
 * without those links still shows everything it has. A large capability tree collapses to
 * its top level; `expandId` opens one top-level capability.
 */
export function scopeOverview(model: ScopeModel, index: ModelIndex, words: DiagramWords, options: DiagramOptions = {}): Diagram {
  const { t, name } = words;
  const UNPLACED = t('diagrams.scope.unplaced');
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  // Only counts: the overview draws categories, never services, so it reads none.
  const figures = options.figures ?? figuresOf(model, index, selection);

  const parts = [...model.elements.solutionPart].sort(byPosition);
  // Category id -> part id (null: not placed) -> number of services.
  const carried = new Map<number, Map<number | null, number>>();
  for (const row of figures.categoryParts) {
    if (row.categoryId === null) continue;
    const byPart = carried.get(row.categoryId) ?? new Map<number | null, number>();
    byPart.set(row.partId, row.services);
    carried.set(row.categoryId, byPart);
  }
  const categories = [...model.elements.informationCategory]
    .sort(byPosition)
    .filter((c) => carried.has(c.id) || !filtered);
  const categoriesIn = (part: number | null) =>
    categories.filter((c) => (part === null ? !carried.has(c.id) || carried.get(c.id)!.has(null) : carried.get(c.id)?.has(part)));
  const perCategory = new Map<number, number>();
  for (const r of figures.tierCategory) if (r.categoryId !== null) perCategory.set(r.categoryId, (perCategory.get(r.categoryId) ?? 0) + r.services);
  const serviceCount = (c: InformationCategory) => perCategory.get(c.id) ?? 0;

  const topLevel = index.childrenOf(null);
  const topIn = (part: number | null) => topLevel.filter((c) => capabilityPartId(index, c) === part);
  const descendants = (c: Capability): Capability[] => index.childrenOf(c.id).flatMap((child) => [child, ...descendants(child)]);

  const unplacedCategories = categoriesIn(null);
  const unplacedCapabilities = topIn(null);
  const hasUnplaced = unplacedCategories.length > 0 || unplacedCapabilities.length > 0;
  const fullCount = parts.length + (hasUnplaced ? 1 : 0) + model.elements.capability.length + categories.length;
  const collapsed = fullCount > threshold;
  const expanded = (c: Capability) => !collapsed || c.id === options.expandId;

  const title = t('diagrams.scope.title');
  const description = t('diagrams.scope.description', { parts: parts.length, filtered: filtered ? 'yes' : 'no' });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));

  const drawCapability = (parent: string, capability: Capability) => {
    const below = descendants(capability).length;
    const open = expanded(capability);
    const text = !open && below > 0 ? t('diagrams.scope.capabilityHidden', { name: inLabel(name(capability)), below }) : name(capability);
    const id = chart.node(text, { style: style('capability') });
    chart.edge(parent, id, { style: edgeStyles.plain });
    if (open) for (const child of index.childrenOf(capability.id)) drawChild(id, child);
  };
  const drawChild = (parent: string, capability: Capability) => {
    const id = chart.node(name(capability), { style: style('capability') });
    chart.edge(parent, id, { style: edgeStyles.plain });
    for (const child of index.childrenOf(capability.id)) drawChild(id, child);
  };
  const categoryIds = new Map<number, string>();
  const drawCategory = (parent: string, category: InformationCategory, open: boolean) => {
    let id = categoryIds.get(category.id);
    if (!id) {
      const n = serviceCount(category);
      id = chart.node(t('diagrams.scope.categoryNode', { name: inLabel(name(category)), count: n }), { shape: 'round', style: style('category') });
      categoryIds.set(category.id, id);
    }
    chart.edge(parent, id, { style: open ? edgeStyles.open : edgeStyles.plain });
  };

  const rows: Cell[][] = [];
  const addRow = (head: Cell, capabilities: Capability[], cats: InformationCategory[]) =>
    rows.push([
      head,
      {
        list: capabilities.map((c) => {
          const below = descendants(c).length;
          return {
            element: ref(c),
            note: below > 0 ? t('diagrams.scope.subareas', { count: below }) : undefined,
            expand: collapsed && below > 0 && !expanded(c) ? { key: c.key, text: t('diagrams.scope.expand') } : undefined,
          };
        }),
        empty: t('diagrams.scope.none'),
      },
      { list: cats.map((c) => ({ element: ref(c), note: t('diagrams.scope.services', { count: serviceCount(c) }) })), empty: t('diagrams.scope.none') },
    ]);

  const partNodeIds: string[] = [];
  for (const part of parts) {
    const id = chart.node(name(part), { shape: 'stadium', style: style('part') });
    partNodeIds.push(id);
    const capabilities = topIn(part.id);
    for (const capability of capabilities) drawCapability(id, capability);
    const cats = categoriesIn(part.id);
    for (const category of cats) drawCategory(id, category, false);
    addRow({ element: ref(part) }, capabilities, cats);
  }
  if (hasUnplaced) {
    const id = chart.node(UNPLACED, { shape: 'stadium', style: style('open') });
    for (const capability of unplacedCapabilities) drawCapability(id, capability);
    for (const category of unplacedCategories) drawCategory(id, category, true);
    addRow({ text: UNPLACED }, unplacedCapabilities, unplacedCategories);
  }

  // The record's interfaces at the edge of the scope hang on the shared record (part 1), and the
  // regions of the target picture on the record solution they use.
  const interfaces = [...model.elements.journalInterface].sort(byPosition);
  const interfaceIds = interfaces.map((i) => chart.node(t('diagrams.scope.interfaceNode', { name: inLabel(name(i)) }), { shape: 'hexagon', style: style('open') }));
  if (interfaces.length > 0) {
    rows.push([
      { text: t('diagrams.scope.interfaces') },
      { list: interfaces.map((i) => ({ element: ref(i) })), empty: t('diagrams.scope.none') },
      { text: '' },
    ]);
  }
  const regions = [...model.elements.region].sort(byPosition);
  const regionIds = regions.map((r) =>
    chart.node(t('diagrams.scope.regionNode', { name: inLabel(name(r)), solution: r.recordSolution }), {
      shape: 'round',
      style: style('group'),
    }),
  );
  if (regions.length > 0) {
    rows.push([
      { text: t('diagrams.scope.regions') },
      {
        list: regions.map((r) => ({ element: ref(r), note: t('diagrams.scope.regionSolution', { solution: r.recordSolution }) })),
        empty: t('diagrams.scope.none'),
      },
      { text: '' },
    ]);
  }
  partEdges(chart, words, partNodeIds[0], interfaceIds, regions.map((r, i) => [r.recordSolution, regionIds[i]!] as const));

  const notes: string[] = [];
  if (filtered && figures.selected === 0) notes.push(t('diagrams.scope.note.noneMatch'));
  const placed = figures.selected - figures.categoryParts.filter((r) => r.partId === null).reduce((n, r) => n + r.services, 0);
  if (figures.selected > 0 && placed === 0) {
    notes.push(t('diagrams.scope.note.nonePlaced'));
  } else if (figures.selected > placed) {
    notes.push(t('diagrams.scope.note.unplaced', { count: figures.selected - placed }));
  }
  if (collapsed) notes.push(collapseNote(words, fullCount, threshold, 'capabilities'));

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed,
    notes,
    legend: [
      { label: t('diagrams.scope.legend.part'), node: nodeStyles.part },
      { label: t('diagrams.scope.legend.capability'), node: nodeStyles.capability },
      { label: t('diagrams.scope.legend.category'), node: nodeStyles.category },
      { label: t('diagrams.scope.legend.open'), node: nodeStyles.open },
      { label: t('diagrams.scope.legend.region'), node: nodeStyles.group },
      { label: t('diagrams.scope.legend.missingLink'), edge: edgeStyles.open },
    ],
    table: {
      caption: t('diagrams.scope.caption'),
      columns: [t('diagrams.scope.col.part'), t('diagrams.scope.col.capabilities'), t('diagrams.scope.col.categories')],
      rows,
    },
  };
}

/** Interfaces and the regions that use the shared record hang on part 1 (the shared record). */
function partEdges(chart: Flowchart, { t }: DiagramWords, recordId: string | undefined, interfaceIds: string[], regions: ReadonlyArray<readonly [string, string]>): void {
  if (recordId === undefined) return;
  for (const id of interfaceIds) chart.edge(recordId, id, { style: edgeStyles.plain, label: t('diagrams.scope.edge.interface') });
  for (const [solution, id] of regions) {
    if (solution === 'felles-kommunal-journal') chart.edge(recordId, id, { style: edgeStyles.plain, label: t('diagrams.scope.edge.usedIn') });
  }
}
