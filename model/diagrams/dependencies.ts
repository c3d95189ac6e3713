import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import { portfolioStatuses, type InformationService, type NationalProject, type PortfolioStatus, type ScopeModel } from '../schemas.ts';
import { groupBy, isFiltered, plural } from './common.ts';
import { atRiskTest, figuresOf, type DiagramFigures } from './figures.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, statusStyle, style } from './palette.ts';
import { projectLabel } from './service-context.ts';
import { bokmalCollapseNote, DEFAULT_THRESHOLD, EXPAND_PAGE, pageOf, ref, type Cell, type Diagram, type DiagramOptions } from './types.ts';

const RISK = '⚠';

/** How many nodes the whole diagram would have (every project and dependent service), and so whether it collapses. */
export function dependenciesLayout(figures: DiagramFigures, threshold = DEFAULT_THRESHOLD) {
  const fullCount = figures.dependencies.perProject.length + figures.dependencies.dependent;
  return { fullCount, collapsed: fullCount > threshold };
}

/**
 * Which services depend on which projects in the national e-health portfolio, the projects
 * coloured and named by status. First-delivery services that depend on a yellow or red
 * project are the risk the diagram exists to show: they get a heavy border and a ⚠.
 * Above the threshold the services collapse into their categories (one edge per project
 * status and category, with counts); `expandId` draws one category's services, a page at a
 * time. With no dependency registered, the diagram shows the portfolio by status and says
 * that the links are missing.
 */
export function dependencies(model: ScopeModel, index: ModelIndex, options: DiagramOptions = {}): Diagram {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const figures = options.figures ?? figuresOf(model, index, selection);
  const counted = figures.dependencies;

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

  if (counted.perProject.length === 0) return withoutDependencies(model, figures.selected, filtered, title, legend);

  const projects = counted.perProject.flatMap((p) => index.get('nationalProject', p.projectId) ?? []).sort((a, b) => a.projectNo - b.projectNo);
  const { fullCount, collapsed } = dependenciesLayout(figures, threshold);

  // The dependent services the model holds: all of them, or one page of the expanded category's.
  const held = selectServices(model, index, selection);
  const heldIds = new Set(held.map((s) => s.id));
  const links = model.links.serviceDependencies.filter((l) => heldIds.has(l.serviceId) && index.get('nationalProject', l.projectId));
  const projectsOf = groupBy(links, (l) => l.serviceId);
  const atRisk = atRiskTest(model, index);
  const categoryOf = (s: InformationService) => (index.get('informationCategory', s.categoryId) ? s.categoryId : null);
  const expanded = collapsed && options.expandId !== undefined ? index.get('informationCategory', options.expandId) : undefined;
  const expandedTotal = expanded ? (counted.perCategory.find((c) => c.categoryId === expanded.id)?.services ?? 0) : 0;
  const paging = expanded ? pageOf(expandedTotal, options.page) : undefined;
  const dependent = held.filter((s) => projectsOf.has(s.id));
  const candidates = !collapsed ? dependent : expanded ? dependent.filter((s) => s.categoryId === expanded.id) : [];
  const offset = options.figures === undefined && paging ? (paging.page - 1) * EXPAND_PAGE : 0;
  const drawn = collapsed ? candidates.slice(offset, offset + EXPAND_PAGE) : candidates;

  const description = `${plural(projects.length, 'prosjekt', 'prosjekter')} i nasjonal portefølje og ${plural(counted.dependent, 'informasjonstjeneste', 'informasjonstjenester')}${filtered ? ' i filteret' : ''} som avhenger av dem. ${plural(counted.atRisk, 'tjeneste', 'tjenester')} i første leveranse avhenger av et prosjekt med status Gul eller Rød.`;
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

  const rows: Cell[][] = [];
  let table: Pick<Diagram['table'], 'caption' | 'columns'>;
  if (!collapsed) {
    projects.forEach(projectNode);
    drawn.forEach(drawService);
    const byProject = groupBy(links, (l) => l.projectId);
    for (const p of projects) {
      rows.push([
        { element: ref(p) },
        { text: p.status ?? 'Ikke oppgitt' },
        {
          list: (byProject.get(p.id) ?? [])
            .flatMap((l) => index.get('informationService', l.serviceId) ?? [])
            .sort(byPosition)
            .map((s) => ({ element: ref(s), note: atRisk(s) ? `${RISK} første leveranse, risiko` : undefined })),
          empty: '–',
        },
      ]);
    }
    table = { caption: 'Prosjekter og informasjonstjenestene som avhenger av dem', columns: ['Prosjekt', 'Status', 'Avhengige informasjonstjenester'] };
  } else {
    // Projects by status -> categories: at most a few dozen edges, where every project to
    // every category would be hundreds (unreadable, and slow to lay out).
    const statusIds = new Map<PortfolioStatus | null, string>();
    for (const status of [...portfolioStatuses, null] as const) {
      const here = projects.filter((p) => p.status === status);
      if (here.length > 0) statusIds.set(status, chart.node(`${status ?? 'Status ikke oppgitt'}: ${plural(here.length, 'prosjekt', 'prosjekter')}`, { style: projectStyle(status) }));
    }
    const position = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (index.get('informationCategory', id)?.position ?? 0));
    const categories = [...counted.perCategory].sort((a, b) => position(a.categoryId) - position(b.categoryId) || (a.categoryId ?? 0) - (b.categoryId ?? 0));
    for (const group of categories) {
      const category = index.get('informationCategory', group.categoryId);
      const open = category !== undefined && category.id === expanded?.id;
      const list = open ? drawn.filter((s) => categoryOf(s) === group.categoryId) : [];
      if (open) {
        list.forEach(drawService);
      } else {
        const text = `${category ? inLabel(category.name) : 'Uten kategori'} (${plural(group.services, 'tjeneste', 'tjenester')}${group.atRisk > 0 ? `, ${RISK} ${group.atRisk} med risiko` : ''})`;
        const id = chart.node(text, { shape: 'round', style: style(group.atRisk > 0 ? 'risk' : 'category') });
        for (const { status, services } of group.perStatus) chart.edge(statusIds.get(status)!, id, { label: String(services), style: edgeStyles.plain });
      }
      rows.push([
        category
          ? { element: ref(category), expand: open ? undefined : { key: category.key, text: `Vis «${category.name}» i diagrammet` } }
          : { text: 'Uten kategori' },
        { text: `${plural(group.services, 'tjeneste', 'tjenester')}${group.atRisk > 0 ? `, ${RISK} ${group.atRisk} i første leveranse med risiko` : ''}` },
        { text: group.perStatus.map((s) => `${s.status ?? 'status ikke oppgitt'}: ${s.services}`).join(', ') },
        open
          ? {
              list: list.map((s) => ({
                element: ref(s),
                note: `avhenger av ${(projectsOf.get(s.id) ?? []).map((l) => index.get('nationalProject', l.projectId)!.name).join('; ')}${atRisk(s) ? ` (${RISK} risiko)` : ''}`,
              })),
              empty: '–',
            }
          : category
            ? { more: { text: 'Se tjenestene i kategorien', href: `/informasjonstjenester?${new URLSearchParams({ category: category.key }).toString()}` } }
            : { text: '–' },
      ]);
    }
    table = {
      caption: 'Informasjonskategorier og hvor mange av tjenestene deres som avhenger av prosjekter',
      columns: ['Informasjonskategori', 'Avhengige informasjonstjenester', 'Etter prosjektenes status', 'Informasjonstjenester'],
    };
  }

  const notes: string[] = [];
  if (counted.atRisk > 0) {
    const names = counted.riskyFirst.map((s) => s.name).join('; ');
    const more = counted.atRisk - counted.riskyFirst.length;
    notes.push(`${RISK} ${plural(counted.atRisk, 'tjeneste', 'tjenester')} i første leveranse avhenger av et prosjekt med status Gul eller Rød: ${more > 0 ? `${names} og ${more} til` : names}.`);
  }
  const without = figures.selected - counted.dependent;
  if (without > 0) notes.push(`${plural(without, 'informasjonstjeneste', 'informasjonstjenester')}${filtered ? ' i filteret' : ''} har ingen registrert avhengighet og er ikke med i diagrammet.`);
  if (collapsed) notes.push(bokmalCollapseNote(fullCount, threshold, 'prosjektene samlet etter status og tjenestene samlet i informasjonskategorier'));
  if (expanded && paging && paging.pages > 1) notes.push(`Diagrammet viser tjeneste ${paging.first}–${paging.last} av ${paging.total} i «${expanded.name}».`);

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed,
    notes,
    paging: paging && paging.pages > 1 ? paging : undefined,
    legend,
    table: { ...table, rows },
  };
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
