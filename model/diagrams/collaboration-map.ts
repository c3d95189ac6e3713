import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import { elementHref } from '../kinds.ts';
import type { Actor, ScopeModel } from '../schemas.ts';
import { groupBy, isFiltered, nameList } from './common.ts';
import { figuresOf } from './figures.ts';
import { Flowchart, inLabel, type EdgeOptions } from './mermaid.ts';
import { edgeStyles, needEdgeStyle, nodeStyles, style } from './palette.ts';
import { ref, type Cell, type Diagram, type DiagramOptions, type DiagramWords, type LegendEntry } from './types.ts';

/**
 * Akson in the middle (its solution parts: the shared record, the collaboration platform, …),
 * the actors around it, one edge per actor, part, collaboration mode and need level, labelled
 * with the mode and the number of services and drawn heavier the larger the need. An exchange
 * goes to the solution part its service is placed in, or to Akson as a whole. Actors with no
 * exchange yet are drawn as open, so the map says what is still unknown.
 *
 * The map has one node per actor and per part whatever the number of services, so it never
 * needs to collapse.
 */
export function collaborationMap(model: ScopeModel, index: ModelIndex, words: DiagramWords, options: DiagramOptions = {}): Diagram {
  const { t, name } = words;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const figures = options.figures ?? figuresOf(model, index, selection);
  const actors = [...model.elements.actor].sort(byPosition).filter((a) => selection.actorId === undefined || a.id === selection.actorId);
  const parts = [...model.elements.solutionPart].sort(byPosition);
  const needLevels = [...model.elements.needLevel].sort((a, b) => a.rank - b.rank);

  // The services the model holds, by the same groups as the figures: a group is listed by name
  // when the model holds all of its services (the server reads them only when there are few).
  const held = new Set(selectServices(model, index, selection).map((s) => s.id));
  const partOf = (serviceId: number) => {
    const service = index.get('informationService', serviceId);
    return service && index.get('solutionPart', service.solutionPartId) ? service.solutionPartId : null;
  };
  const groupKey = (actorId: number, partId: number | null, modeId: number, needLevelId: number | null) => `${actorId}|${partId}|${modeId}|${needLevelId}`;
  const heldIn = groupBy(
    model.links.serviceExchanges.filter((l) => held.has(l.serviceId)),
    (l) => groupKey(l.actorId, partOf(l.serviceId), l.modeId, index.get('needLevel', l.needLevelId) ? l.needLevelId : null),
  );
  const byActor = groupBy(figures.exchanges, (g) => g.actorId);

  const title = t('diagrams.collab.title');
  const description = t('diagrams.collab.description', { actors: actors.length, filtered: filtered ? 'yes' : 'no' });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));

  const partIds = new Map<number, string>();
  const center =
    parts.length === 0
      ? chart.node('Akson', { shape: 'stadium', style: style('part') })
      : chart.subgraph('Akson', () => {
          for (const part of parts) partIds.set(part.id, chart.node(name(part), { shape: 'stadium', style: style('part') }));
        });
  const target = (partId: number | null) => (partId !== null ? partIds.get(partId) : undefined) ?? center;

  const rows: Cell[][] = [];
  const open: Actor[] = [];
  actors.forEach((actor, i) => {
    const mine = byActor.get(actor.id) ?? [];
    const id = chart.node(name(actor), { style: style(mine.length > 0 ? 'actor' : 'open') });
    // Alternate sides, so the actors stand around the middle rather than in one column.
    const connect = (to: string, options: EdgeOptions) =>
      i % 2 === 0 ? chart.edge(id, to, { ...options, directed: false }) : chart.edge(to, id, { ...options, directed: false });
    if (mine.length === 0) {
      open.push(actor);
      connect(center, { label: t('diagrams.collab.edge.open'), style: edgeStyles.open });
      rows.push([{ element: ref(actor) }, { text: t('diagrams.collab.open') }, { text: '–' }, { list: [], empty: t('diagrams.collab.noService') }]);
      return;
    }
    // Grouped by where the edge goes (a part, or Akson as a whole), then mode and need.
    const groups = groupBy(mine, (g) => `${target(g.partId)}|${g.modeId}|${g.needLevelId ?? 0}`);
    for (const list of groups.values()) {
      const first = list[0]!;
      const mode = index.get('collaborationMode', first.modeId)!;
      const need = index.get('needLevel', first.needLevelId);
      const count = list.reduce((n, g) => n + g.services, 0);
      const names = [...new Set(list.flatMap((g) => (heldIn.get(groupKey(g.actorId, g.partId, g.modeId, g.needLevelId)) ?? []).map((l) => l.serviceId)))];
      connect(target(first.partId), { label: t('diagrams.label.count', { name: inLabel(name(mode)), count }), style: needEdgeStyle(need?.rank) });
      rows.push([
        { element: ref(actor) },
        { element: ref(mode) },
        need ? { element: ref(need) } : { text: t('diagrams.collab.notAssessed') },
        names.length === count
          ? { list: names.flatMap((s) => index.get('informationService', s) ?? []).sort(byPosition).map((s) => ({ element: ref(s) })), empty: '–' }
          : { more: { text: t('diagrams.collab.seeActor', { count }), href: elementHref('actor', actor.key) } },
      ]);
    }
  });

  const notes: string[] = [];
  if (filtered && figures.selected === 0) notes.push(t('diagrams.note.noneMatch'));
  if (figures.exchanges.length === 0) {
    notes.push(t('diagrams.collab.note.noExchanges', { actors: actors.length, filtered: filtered ? 'yes' : 'no' }));
  } else if (open.length > 0) {
    notes.push(t('diagrams.collab.note.open', { names: nameList(words, open.map(name)) }));
  }

  const legend: LegendEntry[] = [
    { label: t('diagrams.collab.legend.part'), node: nodeStyles.part },
    { label: t('diagrams.collab.legend.actor'), node: nodeStyles.actor },
    { label: t('diagrams.collab.legend.open'), node: nodeStyles.open },
    ...needLevels.map((n) => ({ label: name(n), edge: needEdgeStyle(n.rank) })),
    { label: t('diagrams.collab.legend.notAssessed'), edge: needEdgeStyle(0) },
    { label: t('diagrams.collab.legend.openEdge'), edge: edgeStyles.open },
  ];

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed: false,
    notes,
    legend,
    table: {
      caption: t('diagrams.collab.caption'),
      columns: [t('diagrams.collab.col.actor'), t('diagrams.collab.col.mode'), t('diagrams.collab.col.need'), t('diagrams.collab.col.services')],
      rows,
    },
  };
}
