import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import type { Actor, ScopeModel, ServiceExchange } from '../schemas.ts';
import { groupBy, isFiltered, nameList, plural } from './common.ts';
import { Flowchart, inLabel, type EdgeOptions } from './mermaid.ts';
import { edgeStyles, needEdgeStyle, nodeStyles, style } from './palette.ts';
import { ref, type Cell, type Diagram, type DiagramOptions, type LegendEntry } from './types.ts';

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
export function collaborationMap(model: ScopeModel, index: ModelIndex, options: DiagramOptions = {}): Diagram {
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const services = selectServices(model, index, selection);
  const selected = new Set(services.map((s) => s.id));
  const actors = [...model.elements.actor].sort(byPosition).filter((a) => selection.actorId === undefined || a.id === selection.actorId);
  const parts = [...model.elements.solutionPart].sort(byPosition);
  const needLevels = [...model.elements.needLevel].sort((a, b) => a.rank - b.rank);

  const exchanges = model.links.serviceExchanges.filter(
    (l) => selected.has(l.serviceId) && index.get('actor', l.actorId) && index.get('collaborationMode', l.modeId),
  );
  const byActor = groupBy(exchanges, (l) => l.actorId);

  const title = 'Samhandlingskart: aktørene rundt Akson';
  const description = `${plural(actors.length, 'aktør', 'aktører')} rundt løsningsdelene i Akson. Kantene viser samhandlingsform og antall informasjonstjenester${filtered ? ' i filteret' : ''}; tykkere linjer betyr større behov for utvidelse.`;
  const chart = new Flowchart('LR', title, description);

  const partIds = new Map<number, string>();
  const center =
    parts.length === 0
      ? chart.node('Akson', { shape: 'stadium', style: style('part') })
      : chart.subgraph('Akson', () => {
          for (const part of parts) partIds.set(part.id, chart.node(part.name, { shape: 'stadium', style: style('part') }));
        });
  const target = (exchange: ServiceExchange) => {
    const service = index.get('informationService', exchange.serviceId);
    return (service && partIds.get(service.solutionPartId ?? -1)) ?? center;
  };

  const rows: Cell[][] = [];
  const open: Actor[] = [];
  actors.forEach((actor, i) => {
    const mine = byActor.get(actor.id) ?? [];
    const id = chart.node(actor.name, { style: style(mine.length > 0 ? 'actor' : 'open') });
    // Alternate sides, so the actors stand around the middle rather than in one column.
    const connect = (to: string, options: EdgeOptions) =>
      i % 2 === 0 ? chart.edge(id, to, { ...options, directed: false }) : chart.edge(to, id, { ...options, directed: false });
    if (mine.length === 0) {
      open.push(actor);
      connect(center, { label: 'ikke avklart', style: edgeStyles.open });
      rows.push([{ element: ref(actor) }, { text: 'Ikke avklart' }, { text: '–' }, { list: [], empty: 'Ingen informasjonstjeneste er koblet til aktøren ennå.' }]);
      return;
    }
    const groups = groupBy(mine, (l) => `${target(l)}|${l.modeId}|${l.needLevelId ?? 0}`);
    for (const links of groups.values()) {
      const first = links[0]!;
      const mode = index.get('collaborationMode', first.modeId)!;
      const need = index.get('needLevel', first.needLevelId);
      const serviceIds = [...new Set(links.map((l) => l.serviceId))];
      connect(target(first), { label: `${inLabel(mode.name)} (${serviceIds.length})`, style: needEdgeStyle(need?.rank) });
      rows.push([
        { element: ref(actor) },
        { element: ref(mode) },
        need ? { element: ref(need) } : { text: 'Ikke vurdert' },
        { list: serviceIds.flatMap((s) => index.get('informationService', s) ?? []).sort(byPosition).map((s) => ({ element: ref(s) })), empty: '–' },
      ]);
    }
  });

  const notes: string[] = [];
  if (filtered && services.length === 0) notes.push('Ingen informasjonstjenester passer filteret.');
  if (exchanges.length === 0) {
    notes.push(
      `Ingen utvekslinger mellom informasjonstjenester og aktører er registrert${filtered ? ' for filteret' : ''}. Kilden viser ikke hvilke tjenester aktørene utveksler (lysarket viste det med farger og plassering), så alle ${plural(actors.length, 'aktør', 'aktører')} står som åpne til arkitektene kobler dem.`,
    );
  } else if (open.length > 0) {
    notes.push(`Uten registrerte utvekslinger: ${nameList(open.map((a) => a.name))}.`);
  }

  const legend: LegendEntry[] = [
    { label: 'Løsningsdel i Akson', node: nodeStyles.part },
    { label: 'Aktør', node: nodeStyles.actor },
    { label: 'Aktør uten registrerte utvekslinger (stiplet)', node: nodeStyles.open },
    ...needLevels.map((n) => ({ label: n.name, edge: needEdgeStyle(n.rank) })),
    { label: 'Behov ikke vurdert', edge: needEdgeStyle(0) },
    { label: 'Ikke avklart: ingen utveksling registrert', edge: edgeStyles.open },
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
      caption: 'Aktører, samhandlingsformer, behov og informasjonstjenester',
      columns: ['Aktør', 'Samhandlingsform', 'Behov', 'Informasjonstjenester'],
      rows,
    },
  };
}
