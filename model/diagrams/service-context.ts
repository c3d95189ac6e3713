import { byPosition, type ModelIndex } from '../lookup.ts';
import type { InformationService, NationalProject, PortfolioStatus, ScopeModel } from '../schemas.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, needEdgeStyle, nodeStyles, statusStyle, style } from './palette.ts';
import { ref, type Cell, type Diagram, type DiagramWords, type LegendEntry } from './types.ts';

export interface ServiceContextOptions {
  actorId?: number;
  personnelGroupId?: number;
}

/** A project's status as the catalogues name it: `{status, select, green {…} yellow {…} red {…} other {not given}}`. */
export function statusValue(status: PortfolioStatus | null): 'green' | 'yellow' | 'red' | 'none' {
  switch (status) {
    case 'Grønn':
      return 'green';
    case 'Gul':
      return 'yellow';
    case 'Rød':
      return 'red';
    case null:
      return 'none';
  }
}

export function projectLabel({ t, name }: DiagramWords, project: NationalProject): string {
  return t('diagrams.project.label', { name: inLabel(name(project)), status: statusValue(project.status) });
}

/**
 * One information service and everything linked to it: the actors that exchange it (edges
 * labelled with the mode, weighted by need), the personnel groups that use it, the capabilities
 * that support it and the national projects it depends on, coloured and named by status.
 * A kind of link the service does not have yet is drawn as an open placeholder.
 */
export function serviceContext(model: ScopeModel, index: ModelIndex, service: InformationService, words: DiagramWords, options: ServiceContextOptions = {}): Diagram {
  const { t, name } = words;
  const exchanges = model.links.serviceExchanges.filter(
    (l) => l.serviceId === service.id && (options.actorId === undefined || l.actorId === options.actorId),
  );
  const personnel = model.links.servicePersonnelGroups.filter(
    (l) => l.serviceId === service.id && (options.personnelGroupId === undefined || l.personnelGroupId === options.personnelGroupId),
  );
  const capabilities = model.links.serviceCapabilities
    .filter((l) => l.serviceId === service.id)
    .flatMap((l) => index.get('capability', l.capabilityId) ?? [])
    .sort(byPosition);
  const projects = model.links.serviceDependencies
    .filter((l) => l.serviceId === service.id)
    .flatMap((l) => index.get('nationalProject', l.projectId) ?? [])
    .sort((a, b) => a.projectNo - b.projectNo);
  const needLevels = [...model.elements.needLevel].sort((a, b) => a.rank - b.rank);

  const title = t('diagrams.context.title', { name: name(service) });
  const description = t('diagrams.context.description', {
    actors: new Set(exchanges.map((l) => l.actorId)).size,
    groups: personnel.length,
    capabilities: capabilities.length,
    projects: projects.length,
  });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));
  const rows: Cell[][] = [];
  const missing: string[] = [];

  const center = chart.node(name(service), { shape: 'subroutine', style: style(service.tierTentative ? 'serviceTentative' : 'service') });
  const placeholder = (text: string, kind: string) => {
    const id = chart.node(text, { style: style('open') });
    rows.push([{ text: kind }, { text }, { text: '–' }]);
    return id;
  };

  // Actors and projects stand left of the service, the rest right of it.
  const actorIds = new Map<number, string>();
  const actorGroup = chart.subgraph(t('diagrams.context.group.actors'), () => {
    for (const link of exchanges) {
      const actor = index.get('actor', link.actorId);
      if (actor && !actorIds.has(actor.id)) actorIds.set(actor.id, chart.node(name(actor), { style: style('actor') }));
    }
    if (actorIds.size === 0) placeholder(t('diagrams.context.none.actor'), t('diagrams.context.kind.actor'));
  });
  if (actorIds.size === 0) {
    chart.edge(actorGroup, center, { directed: false, style: edgeStyles.open });
    missing.push(t('diagrams.context.missing.actors'));
  }
  for (const link of exchanges) {
    const actor = index.get('actor', link.actorId);
    const mode = index.get('collaborationMode', link.modeId);
    if (!actor || !mode) continue;
    const need = index.get('needLevel', link.needLevelId);
    chart.edge(actorIds.get(actor.id)!, center, { label: name(mode), directed: false, style: needEdgeStyle(need?.rank) });
    rows.push([{ text: t('diagrams.context.kind.actor') }, { element: ref(actor) }, { text: t('diagrams.context.exchange', { mode: name(mode), need: need ? name(need).toLowerCase() : t('diagrams.context.needNotAssessed') }) }]);
  }

  // Edges are written after each subgraph: a node an edge names inside a subgraph block would
  // be pulled into that subgraph.
  const later: Array<() => void> = [];
  const flush = () => later.splice(0).forEach((draw) => draw());

  const projectGroup = chart.subgraph(t('diagrams.context.group.projects'), () => {
    for (const project of projects) {
      const id = chart.node(projectLabel(words, project), { style: style(project.status ? statusStyle[project.status] : 'statusUnknown') });
      later.push(() => chart.edge(center, id, { label: t('diagrams.context.edge.dependsOn'), style: edgeStyles.plain }));
      rows.push([{ text: t('diagrams.context.kind.project') }, { element: ref(project) }, { text: t('diagrams.context.status', { status: statusValue(project.status) }) }]);
    }
    if (projects.length === 0) placeholder(t('diagrams.context.none.project'), t('diagrams.context.kind.project'));
  });
  flush();
  if (projects.length === 0) {
    chart.edge(projectGroup, center, { directed: false, style: edgeStyles.open });
    missing.push(t('diagrams.context.missing.projects'));
  }

  const groupGroup = chart.subgraph(t('diagrams.context.group.groups'), () => {
    for (const link of personnel) {
      const group = index.get('personnelGroup', link.personnelGroupId);
      if (!group) continue;
      const id = chart.node(name(group), { style: style('group') });
      later.push(() => chart.edge(center, id, { label: t(`domain.usage.${link.usage}`), directed: false, style: edgeStyles.plain }));
      rows.push([{ text: t('diagrams.context.kind.group') }, { element: ref(group) }, { text: t(`domain.usage.${link.usage}`) }]);
    }
    if (personnel.length === 0) placeholder(t('diagrams.context.none.group'), t('diagrams.context.kind.group'));
  });
  flush();
  if (personnel.length === 0) {
    chart.edge(center, groupGroup, { directed: false, style: edgeStyles.open });
    missing.push(t('diagrams.context.missing.groups'));
  }

  const capabilityGroup = chart.subgraph(t('diagrams.context.group.capabilities'), () => {
    for (const capability of capabilities) {
      const id = chart.node(name(capability), { style: style('capability') });
      later.push(() => chart.edge(center, id, { directed: false, style: edgeStyles.plain }));
      rows.push([{ text: t('diagrams.context.kind.capability') }, { element: ref(capability) }, { text: '–' }]);
    }
    if (capabilities.length === 0) placeholder(t('diagrams.context.none.capability'), t('diagrams.context.kind.capability'));
  });
  flush();
  if (capabilities.length === 0) {
    chart.edge(center, capabilityGroup, { directed: false, style: edgeStyles.open });
    missing.push(t('diagrams.context.missing.capabilities'));
  }

  const notes: string[] = [];
  const filtered = options.actorId !== undefined || options.personnelGroupId !== undefined;
  if (missing.length > 0) notes.push(t('diagrams.context.note.missing', { filtered: filtered ? 'yes' : 'no', missing: missing.join(', ') }));
  const risky = projects.filter((p) => p.status === 'Gul' || p.status === 'Rød');
  if (risky.length > 0) notes.push(t('diagrams.context.note.risky', { count: risky.length, projects: risky.map((p) => projectLabel(words, p)).join('; ') }));

  const legend: LegendEntry[] = [
    { label: t('diagrams.context.legend.service'), node: nodeStyles.service },
    { label: t('diagrams.context.kind.actor'), node: nodeStyles.actor },
    { label: t('diagrams.context.kind.group'), node: nodeStyles.group },
    { label: t('diagrams.context.kind.capability'), node: nodeStyles.capability },
    { label: t('diagrams.legend.projectStatus', { status: 'green' }), node: nodeStyles.statusGreen },
    { label: t('diagrams.legend.projectStatus', { status: 'yellow' }), node: nodeStyles.statusYellow },
    { label: t('diagrams.legend.projectStatus', { status: 'red' }), node: nodeStyles.statusRed },
    { label: t('diagrams.context.legend.open'), node: nodeStyles.open },
    ...needLevels.map((n) => ({ label: t('diagrams.context.legend.exchange', { need: name(n).toLowerCase() }), edge: needEdgeStyle(n.rank) })),
    { label: t('diagrams.context.legend.exchange', { need: t('diagrams.context.needNotAssessed') }), edge: needEdgeStyle(0) },
  ];

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed: false,
    notes,
    legend,
    table: { caption: t('diagrams.context.caption', { name: name(service) }), columns: [t('diagrams.context.col.link'), t('diagrams.context.col.element'), t('diagrams.context.col.details')], rows },
  };
}
