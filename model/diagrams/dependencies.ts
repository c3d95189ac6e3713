import { byPosition, firstDeliveryTierIds, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import { portfolioStatuses, type InformationService, type NationalProject, type PortfolioStatus, type ScopeModel } from '../schemas.ts';
import { categoriesOf, groupBy, isFiltered, nameList, plural } from './common.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, statusStyle, style } from './palette.ts';
import { projectLabel } from './service-context.ts';
import { collapseNote, DEFAULT_THRESHOLD, ref, type Cell, type Diagram, type DiagramOptions } from './types.ts';

const RISK = '⚠';

/**
 * Which services depend on which projects in the national e-health portfolio, the projects
 * coloured and named by status. First-delivery services that depend on a yellow or red
 * project are the risk the diagram exists to show: they get a heavy border and a ⚠.
 * Above the threshold the services collapse into their categories (one edge per project and
 * category, with counts); `expandId` draws one category's services. With no dependency
 * registered, the diagram shows the portfolio by status and says that the links are missing.
 */
export function dependencies(model: ScopeModel, index: ModelIndex, options: DiagramOptions = {}): Diagram {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const services = selectServices(model, index, selection);
  const selected = new Set(services.map((s) => s.id));
  const links = model.links.serviceDependencies.filter((l) => selected.has(l.serviceId) && index.get('nationalProject', l.projectId));
  const projectsOf = groupBy(links, (l) => l.serviceId);
  const firstTiers = firstDeliveryTierIds(model);
  const atRisk = (s: InformationService) =>
    s.tierId !== null &&
    firstTiers.has(s.tierId) &&
    (projectsOf.get(s.id) ?? []).some((l) => ['Gul', 'Rød'].includes(index.get('nationalProject', l.projectId)?.status ?? ''));

  const title = 'Avhengigheter til nasjonal e-helseportefølje';
  const legend = [
    { label: 'Prosjekt med status Grønn', node: nodeStyles.statusGreen },
    { label: 'Prosjekt med status Gul', node: nodeStyles.statusYellow },
    { label: 'Prosjekt med status Rød', node: nodeStyles.statusRed },
    { label: 'Prosjekt uten oppgitt status (prikket)', node: nodeStyles.statusUnknown },
    { label: 'Informasjonstjeneste (eller kategori av tjenester)', node: nodeStyles.service },
    { label: `${RISK} Tjeneste i første leveranse som avhenger av et gult eller rødt prosjekt (tykk kant)`, node: nodeStyles.risk },
    { label: 'Ingen avhengighet registrert (stiplet)', node: nodeStyles.open },
  ];

  if (links.length === 0) return withoutDependencies(model, services.length, filtered, title, legend);

  const projects = [...new Set(links.map((l) => l.projectId))]
    .map((id) => index.get('nationalProject', id)!)
    .sort((a, b) => a.projectNo - b.projectNo);
  const dependent = services.filter((s) => projectsOf.has(s.id));
  const categories = categoriesOf(dependent, index);
  const fullCount = projects.length + dependent.length;
  const collapsed = fullCount > threshold;
  const risky = dependent.filter(atRisk);

  const description = `${plural(projects.length, 'prosjekt', 'prosjekter')} i nasjonal portefølje og ${plural(dependent.length, 'informasjonstjeneste', 'informasjonstjenester')}${filtered ? ' i filteret' : ''} som avhenger av dem. ${plural(risky.length, 'tjeneste', 'tjenester')} i første leveranse avhenger av et prosjekt med status Gul eller Rød.`;
  const chart = new Flowchart('LR', title, description);
  const projectStyle = (status: PortfolioStatus | null) => style(status ? statusStyle[status] : 'statusUnknown');
  const projectIds = new Map<number, string>();
  const projectNode = (project: NationalProject) => {
    let id = projectIds.get(project.id);
    if (!id) projectIds.set(project.id, (id = chart.node(projectLabel(project), { style: projectStyle(project.status) })));
    return id;
  };
  const drawService = (s: InformationService) => {
    const id = chart.node(atRisk(s) ? `${RISK} ${inLabel(s.name)}` : s.name, { style: style(atRisk(s) ? 'risk' : 'service') });
    for (const l of projectsOf.get(s.id) ?? []) chart.edge(projectNode(index.get('nationalProject', l.projectId)!), id, { style: edgeStyles.plain });
  };

  if (!collapsed) {
    projects.forEach(projectNode);
    dependent.forEach(drawService);
  } else {
    // Projects by status -> categories: at most a few dozen edges, where every project to
    // every category would be hundreds (unreadable, and slow to lay out).
    const statusIds = new Map<PortfolioStatus | null, string>();
    for (const status of [...portfolioStatuses, null] as const) {
      const here = projects.filter((p) => p.status === status);
      if (here.length > 0) statusIds.set(status, chart.node(`${status ?? 'Status ikke oppgitt'}: ${plural(here.length, 'prosjekt', 'prosjekter')}`, { style: projectStyle(status) }));
    }
    for (const { category, services: list } of categories) {
      if (category && category.id === options.expandId) {
        list.forEach(drawService);
        continue;
      }
      const riskyHere = list.filter(atRisk).length;
      const text = `${category ? inLabel(category.name) : 'Uten kategori'} (${plural(list.length, 'tjeneste', 'tjenester')}${riskyHere > 0 ? `, ${RISK} ${riskyHere} med risiko` : ''})`;
      const id = chart.node(text, { shape: 'round', style: style(riskyHere > 0 ? 'risk' : 'category') });
      const servicesPerStatus = new Map<PortfolioStatus | null, number>();
      for (const s of list) {
        for (const status of new Set((projectsOf.get(s.id) ?? []).map((l) => index.get('nationalProject', l.projectId)!.status))) {
          servicesPerStatus.set(status, (servicesPerStatus.get(status) ?? 0) + 1);
        }
      }
      for (const [status, n] of servicesPerStatus) chart.edge(statusIds.get(status)!, id, { label: String(n), style: edgeStyles.plain });
    }
  }

  const byProject = groupBy(links, (l) => l.projectId);
  const rows: Cell[][] = projects.map((p) => [
    { element: ref(p) },
    { text: p.status ?? 'Ikke oppgitt' },
    {
      list: (byProject.get(p.id) ?? [])
        .flatMap((l) => index.get('informationService', l.serviceId) ?? [])
        .sort(byPosition)
        .map((s) => {
          const category = index.get('informationCategory', s.categoryId);
          return {
            element: ref(s),
            note: atRisk(s) ? `${RISK} første leveranse, risiko` : undefined,
            expand: collapsed && category && category.id !== options.expandId ? { key: category.key, text: `Vis «${category.name}» i diagrammet` } : undefined,
          };
        }),
      empty: '–',
    },
  ]);

  const notes: string[] = [];
  if (risky.length > 0) notes.push(`${RISK} ${plural(risky.length, 'tjeneste', 'tjenester')} i første leveranse avhenger av et prosjekt med status Gul eller Rød: ${nameList(risky.map((s) => s.name))}.`);
  const without = services.length - dependent.length;
  if (without > 0) notes.push(`${plural(without, 'informasjonstjeneste', 'informasjonstjenester')}${filtered ? ' i filteret' : ''} har ingen registrert avhengighet og er ikke med i diagrammet.`);
  if (collapsed) notes.push(collapseNote(fullCount, threshold, 'prosjektene samlet etter status og tjenestene samlet i informasjonskategorier'));

  return { title, description, source: chart.toString(), nodeCount: chart.nodeCount, collapsed, notes, legend, table: { caption: 'Prosjekter og informasjonstjenestene som avhenger av dem', columns: ['Prosjekt', 'Status', 'Avhengige informasjonstjenester'], rows } };
}

/** No dependency yet: the portfolio by status, and a plain statement of what is missing. */
function withoutDependencies(model: ScopeModel, serviceCount: number, filtered: boolean, title: string, legend: Diagram['legend']): Diagram {
  const projects = [...model.elements.nationalProject].sort((a, b) => a.projectNo - b.projectNo);
  const statuses = [...portfolioStatuses, null] as const;
  const description = `Ingen informasjonstjeneste${filtered ? ' i filteret' : ''} er registrert som avhengig av et prosjekt i nasjonal portefølje. Diagrammet viser porteføljens ${plural(projects.length, 'prosjekt', 'prosjekter')} etter status.`;
  const chart = new Flowchart('LR', title, description);
  const missing = chart.node(`Ingen avhengighet registrert for ${plural(serviceCount, 'informasjonstjeneste', 'informasjonstjenester')}`, { style: style('open') });
  const rows: Cell[][] = [];
  for (const status of statuses) {
    const list: NationalProject[] = projects.filter((p) => p.status === status);
    if (list.length === 0) continue;
    const id = chart.node(`${status ?? 'Status ikke oppgitt'}: ${plural(list.length, 'prosjekt', 'prosjekter')}`, {
      style: style(status ? statusStyle[status] : 'statusUnknown'),
    });
    chart.edge(id, missing, { style: edgeStyles.open });
    rows.push([{ text: status ?? 'Ikke oppgitt' }, { text: String(list.length) }, { list: list.map((p) => ({ element: ref(p) })), empty: '–' }]);
  }
  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed: false,
    notes: [
      `Ingen informasjonstjeneste${filtered ? ' i filteret' : ''} er registrert som avhengig av et prosjekt i nasjonal portefølje ennå; kilden sier ikke hvilke tjenester som avhenger av hvilke prosjekter. Til arkitektene har registrert avhengighetene, viser diagrammet porteføljen etter status.`,
    ],
    legend,
    table: { caption: 'Prosjektene i nasjonal portefølje etter status', columns: ['Status', 'Antall', 'Prosjekter'], rows },
  };
}
