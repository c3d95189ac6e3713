import { byPosition, type ModelIndex } from '../lookup.ts';
import { usageLabel, type InformationService, type NationalProject, type ScopeModel } from '../schemas.ts';
import { plural } from './common.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, needEdgeStyle, nodeStyles, statusStyle, style } from './palette.ts';
import { ref, type Cell, type Diagram, type LegendEntry } from './types.ts';

export interface ServiceContextOptions {
  actorId?: number;
  personnelGroupId?: number;
}

export function projectLabel(project: NationalProject): string {
  return `${inLabel(project.name)} (${project.status ?? 'status ikke oppgitt'})`;
}

/**
 * One information service and everything linked to it: the actors that exchange it (edges
 * labelled with the mode, weighted by need), the personnel groups that use it, the capabilities
 * that support it and the national projects it depends on, coloured and named by status.
 * A kind of link the service does not have yet is drawn as an open placeholder.
 */
export function serviceContext(model: ScopeModel, index: ModelIndex, service: InformationService, options: ServiceContextOptions = {}): Diagram {
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

  const title = `Sammenhengen rundt informasjonstjenesten «${service.name}»`;
  const description = `${plural(new Set(exchanges.map((l) => l.actorId)).size, 'aktør', 'aktører')}, ${plural(personnel.length, 'tjenesteområde', 'tjenesteområder')}, ${plural(capabilities.length, 'funksjonsområde', 'funksjonsområder')} og ${plural(projects.length, 'prosjekt', 'prosjekter')} i nasjonal portefølje som tjenesten avhenger av.`;
  const chart = new Flowchart('LR', title, description);
  const rows: Cell[][] = [];
  const missing: string[] = [];

  const center = chart.node(service.name, { shape: 'subroutine', style: style(service.tierTentative ? 'serviceTentative' : 'service') });
  const placeholder = (text: string, kind: string) => {
    const id = chart.node(text, { style: style('open') });
    rows.push([{ text: kind }, { text }, { text: '–' }]);
    return id;
  };

  // Actors and projects stand left of the service, the rest right of it.
  const actorIds = new Map<number, string>();
  const actorGroup = chart.subgraph('Aktører', () => {
    for (const link of exchanges) {
      const actor = index.get('actor', link.actorId);
      if (actor && !actorIds.has(actor.id)) actorIds.set(actor.id, chart.node(actor.name, { style: style('actor') }));
    }
    if (actorIds.size === 0) placeholder('Ingen aktør koblet ennå', 'Aktør');
  });
  if (actorIds.size === 0) {
    chart.edge(actorGroup, center, { directed: false, style: edgeStyles.open });
    missing.push('aktører og samhandlingsformer');
  }
  for (const link of exchanges) {
    const actor = index.get('actor', link.actorId);
    const mode = index.get('collaborationMode', link.modeId);
    if (!actor || !mode) continue;
    const need = index.get('needLevel', link.needLevelId);
    chart.edge(actorIds.get(actor.id)!, center, { label: mode.name, directed: false, style: needEdgeStyle(need?.rank) });
    rows.push([{ text: 'Aktør' }, { element: ref(actor) }, { text: `${mode.name} – ${need ? need.name.toLowerCase() : 'behov ikke vurdert'}` }]);
  }

  // Edges are written after each subgraph: a node an edge names inside a subgraph block would
  // be pulled into that subgraph.
  const later: Array<() => void> = [];
  const flush = () => later.splice(0).forEach((draw) => draw());

  const projectGroup = chart.subgraph('Avhenger av prosjekter i nasjonal portefølje', () => {
    for (const project of projects) {
      const id = chart.node(projectLabel(project), { style: style(project.status ? statusStyle[project.status] : 'statusUnknown') });
      later.push(() => chart.edge(center, id, { label: 'avhenger av', style: edgeStyles.plain }));
      rows.push([{ text: 'Prosjekt' }, { element: ref(project) }, { text: `Status: ${project.status ?? 'ikke oppgitt'}` }]);
    }
    if (projects.length === 0) placeholder('Ingen avhengighet registrert', 'Prosjekt');
  });
  flush();
  if (projects.length === 0) {
    chart.edge(projectGroup, center, { directed: false, style: edgeStyles.open });
    missing.push('avhengigheter til nasjonale prosjekter');
  }

  const groupGroup = chart.subgraph('Tjenesteområder', () => {
    for (const link of personnel) {
      const group = index.get('personnelGroup', link.personnelGroupId);
      if (!group) continue;
      const id = chart.node(group.name, { style: style('group') });
      later.push(() => chart.edge(center, id, { label: usageLabel[link.usage], directed: false, style: edgeStyles.plain }));
      rows.push([{ text: 'Tjenesteområde' }, { element: ref(group) }, { text: usageLabel[link.usage] }]);
    }
    if (personnel.length === 0) placeholder('Ingen tjenesteområde koblet ennå', 'Tjenesteområde');
  });
  flush();
  if (personnel.length === 0) {
    chart.edge(center, groupGroup, { directed: false, style: edgeStyles.open });
    missing.push('tjenesteområder');
  }

  const capabilityGroup = chart.subgraph('Funksjonsområder', () => {
    for (const capability of capabilities) {
      const id = chart.node(capability.name, { style: style('capability') });
      later.push(() => chart.edge(center, id, { directed: false, style: edgeStyles.plain }));
      rows.push([{ text: 'Funksjonsområde' }, { element: ref(capability) }, { text: '–' }]);
    }
    if (capabilities.length === 0) placeholder('Ingen funksjonsområde koblet ennå', 'Funksjonsområde');
  });
  flush();
  if (capabilities.length === 0) {
    chart.edge(center, capabilityGroup, { directed: false, style: edgeStyles.open });
    missing.push('funksjonsområder');
  }

  const notes: string[] = [];
  const filtered = options.actorId !== undefined || options.personnelGroupId !== undefined;
  if (missing.length > 0) notes.push(`Ikke koblet ennå${filtered ? ' (med filteret)' : ''}: ${missing.join(', ')}. De står som åpne felt i diagrammet.`);
  const risky = projects.filter((p) => p.status === 'Gul' || p.status === 'Rød');
  if (risky.length > 0) notes.push(`Tjenesten avhenger av ${plural(risky.length, 'prosjekt', 'prosjekter')} med status Gul eller Rød: ${risky.map(projectLabel).join('; ')}.`);

  const legend: LegendEntry[] = [
    { label: 'Informasjonstjenesten', node: nodeStyles.service },
    { label: 'Aktør', node: nodeStyles.actor },
    { label: 'Tjenesteområde', node: nodeStyles.group },
    { label: 'Funksjonsområde', node: nodeStyles.capability },
    { label: 'Prosjekt med status Grønn', node: nodeStyles.statusGreen },
    { label: 'Prosjekt med status Gul', node: nodeStyles.statusYellow },
    { label: 'Prosjekt med status Rød', node: nodeStyles.statusRed },
    { label: 'Ikke koblet ennå (stiplet)', node: nodeStyles.open },
    ...needLevels.map((n) => ({ label: `Utveksling: ${n.name.toLowerCase()}`, edge: needEdgeStyle(n.rank) })),
    { label: 'Utveksling: behov ikke vurdert', edge: needEdgeStyle(0) },
  ];

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed: false,
    notes,
    legend,
    table: { caption: `Koblingene til «${service.name}»`, columns: ['Kobling', 'Element', 'Detaljer'], rows },
  };
}
