import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import { portfolioStatuses, type InformationService, type NationalProject, type PortfolioStatus, type ScopeModel } from '../schemas.ts';
import { groupBy, isFiltered, namesAndMore } from './common.ts';
import { atRiskTest, figuresOf, type DiagramFigures } from './figures.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, statusStyle, style } from './palette.ts';
import { projectLabel, statusValue } from './service-context.ts';
import { collapseNote, DEFAULT_THRESHOLD, EXPAND_PAGE, pageOf, pagingNote, ref, type Cell, type Diagram, type DiagramOptions, type DiagramWords } from './types.ts';

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
export function dependencies(model: ScopeModel, index: ModelIndex, words: DiagramWords, options: DiagramOptions = {}): Diagram {
  const { t, name } = words;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const figures = options.figures ?? figuresOf(model, index, selection);
  const counted = figures.dependencies;

  const title = t('diagrams.deps.title');
  const legend = [
    { label: t('diagrams.legend.projectStatus', { status: 'green' }), node: nodeStyles.statusGreen },
    { label: t('diagrams.legend.projectStatus', { status: 'yellow' }), node: nodeStyles.statusYellow },
    { label: t('diagrams.legend.projectStatus', { status: 'red' }), node: nodeStyles.statusRed },
    { label: t('diagrams.deps.legend.unknown'), node: nodeStyles.statusUnknown },
    { label: t('diagrams.deps.legend.service'), node: nodeStyles.service },
    { label: t('diagrams.deps.legend.risk', { risk: RISK }), node: nodeStyles.risk },
    { label: t('diagrams.deps.legend.open'), node: nodeStyles.open },
  ];

  if (counted.perProject.length === 0) return withoutDependencies(model, words, figures.selected, filtered, title, legend);

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

  const description = t('diagrams.deps.description', { projects: projects.length, dependent: counted.dependent, filtered: filtered ? 'yes' : 'no', atRisk: counted.atRisk });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));
  const projectStyle = (status: PortfolioStatus | null) => style(status ? statusStyle[status] : 'statusUnknown');
  const projectIds = new Map<number, string>();
  const projectNode = (project: NationalProject) => {
    let id = projectIds.get(project.id);
    if (!id) projectIds.set(project.id, (id = chart.node(projectLabel(words, project), { style: projectStyle(project.status) })));
    return id;
  };
  const drawService = (s: InformationService) => {
    const id = chart.node(atRisk(s) ? `${RISK} ${inLabel(name(s))}` : name(s), { style: style(atRisk(s) ? 'risk' : 'service') });
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
        { text: t('diagrams.deps.statusCell', { status: statusValue(p.status) }) },
        {
          list: (byProject.get(p.id) ?? [])
            .flatMap((l) => index.get('informationService', l.serviceId) ?? [])
            .sort(byPosition)
            .map((s) => ({ element: ref(s), note: atRisk(s) ? t('diagrams.deps.riskNote', { risk: RISK }) : undefined })),
          empty: '–',
        },
      ]);
    }
    table = { caption: t('diagrams.deps.caption'), columns: [t('diagrams.deps.col.project'), t('diagrams.deps.col.status'), t('diagrams.deps.col.dependent')] };
  } else {
    // Projects by status -> categories: at most a few dozen edges, where every project to
    // every category would be hundreds (unreadable, and slow to lay out).
    const statusIds = new Map<PortfolioStatus | null, string>();
    for (const status of [...portfolioStatuses, null] as const) {
      const here = projects.filter((p) => p.status === status);
      if (here.length > 0) statusIds.set(status, chart.node(t('diagrams.deps.statusNode', { status: statusValue(status), count: here.length }), { style: projectStyle(status) }));
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
        const text = t('diagrams.deps.categoryNode', { name: category ? inLabel(name(category)) : t('diagrams.noCategory'), count: group.services, atRisk: group.atRisk, risk: RISK });
        const id = chart.node(text, { shape: 'round', style: style(group.atRisk > 0 ? 'risk' : 'category') });
        for (const { status, services } of group.perStatus) chart.edge(statusIds.get(status)!, id, { label: String(services), style: edgeStyles.plain });
      }
      rows.push([
        category
          ? { element: ref(category), expand: open ? undefined : { key: category.key, text: t('diagrams.deps.expand', { name: name(category) }) } }
          : { text: t('diagrams.noCategory') },
        { text: t('diagrams.deps.categoryCount', { count: group.services, atRisk: group.atRisk, risk: RISK }) },
        { text: group.perStatus.map((s) => t('diagrams.deps.statusCount', { status: statusValue(s.status), count: s.services })).join(', ') },
        open
          ? {
              list: list.map((s) => ({
                element: ref(s),
                note: t('diagrams.deps.dependsOn', {
                  projects: (projectsOf.get(s.id) ?? []).map((l) => name(index.get('nationalProject', l.projectId)!)).join('; '),
                  risky: atRisk(s) ? 'yes' : 'no',
                  risk: RISK,
                }),
              })),
              empty: '–',
            }
          : category
            ? { more: { text: t('diagrams.deps.seeCategory'), href: `/informasjonstjenester?${new URLSearchParams({ category: category.key }).toString()}` } }
            : { text: '–' },
      ]);
    }
    table = {
      caption: t('diagrams.deps.collapsedCaption'),
      columns: [t('diagrams.deps.col.category'), t('diagrams.deps.col.dependent'), t('diagrams.deps.col.byStatus'), t('diagrams.deps.col.services')],
    };
  }

  const notes: string[] = [];
  if (counted.atRisk > 0) {
    const names = namesAndMore(words, counted.riskyFirst.map(name), counted.atRisk - counted.riskyFirst.length);
    notes.push(t('diagrams.deps.note.atRisk', { risk: RISK, count: counted.atRisk, names }));
  }
  const without = figures.selected - counted.dependent;
  if (without > 0) notes.push(t('diagrams.deps.note.without', { count: without, filtered: filtered ? 'yes' : 'no' }));
  if (collapsed) notes.push(collapseNote(words, fullCount, threshold, 'dependencies'));
  if (expanded && paging && paging.pages > 1) notes.push(pagingNote(words, paging, name(expanded)));

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
function withoutDependencies(model: ScopeModel, words: DiagramWords, serviceCount: number, filtered: boolean, title: string, legend: Diagram['legend']): Diagram {
  const projects = [...model.elements.nationalProject].sort((a, b) => a.projectNo - b.projectNo);
  const statuses = [...portfolioStatuses, null] as const;
  const { t } = words;
  const description = t('diagrams.deps.none.description', { filtered: filtered ? 'yes' : 'no', projects: projects.length });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));
  const missing = chart.node(t('diagrams.deps.none.node', { count: serviceCount }), { style: style('open') });
  const rows: Cell[][] = [];
  for (const status of statuses) {
    const list: NationalProject[] = projects.filter((p) => p.status === status);
    if (list.length === 0) continue;
    const id = chart.node(t('diagrams.deps.statusNode', { status: statusValue(status), count: list.length }), {
      style: style(status ? statusStyle[status] : 'statusUnknown'),
    });
    chart.edge(id, missing, { style: edgeStyles.open });
    rows.push([{ text: t('diagrams.deps.statusCell', { status: statusValue(status) }) }, { text: String(list.length) }, { list: list.map((p) => ({ element: ref(p) })), empty: '–' }]);
  }
  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed: false,
    notes: [
      t('diagrams.deps.none.note', { filtered: filtered ? 'yes' : 'no' }),
    ],
    legend,
    table: { caption: t('diagrams.deps.none.caption'), columns: [t('diagrams.deps.col.status'), t('diagrams.deps.col.count'), t('diagrams.deps.col.projects')], rows },
  };
}
