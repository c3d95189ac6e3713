import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import type { DeliveryTier, InformationCategory, InformationService, ScopeModel } from '../schemas.ts';
import { groupBy, isFiltered } from './common.ts';
import { figuresOf, type DiagramFigures } from './figures.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, style } from './palette.ts';
import { collapseNote, DEFAULT_THRESHOLD, EXPAND_PAGE, pageOf, pagingNote, ref, type Cell, type Diagram, type DiagramOptions, type DiagramWords } from './types.ts';

/** How many nodes the whole diagram would have, and so whether it collapses. */
export function firstDeliveryLayout(figures: DiagramFigures, tierCount: number, filtered: boolean, threshold = DEFAULT_THRESHOLD) {
  const tierIds = new Set(figures.tierCategory.map((r) => r.tierId));
  const tierNodes = (filtered ? [...tierIds].filter((t) => t !== null).length : tierCount) + (tierIds.has(null) ? 1 : 0);
  const fullCount = tierNodes + figures.tierCategory.length + figures.selected;
  return { fullCount, collapsed: fullCount > threshold };
}

/** The list of services a tier and category hold, where the diagram has no room for them. */
export function serviceListHref(tier: DeliveryTier | undefined, category: InformationCategory | undefined): string | undefined {
  if (!tier) return undefined;
  return `/informasjonstjenester?${new URLSearchParams({ tier: tier.key, ...(category ? { category: category.key } : {}) }).toString()}`;
}

/**
 * What each delivery tier contains: tier -> information category -> service. Tentative
 * placements are dashed. Above the threshold the services collapse into their categories
 * (with counts, each a link to the list of its services); `expandId` names the one category
 * whose services are drawn anyway, `EXPAND_PAGE` at a time.
 */
export function firstDelivery(model: ScopeModel, index: ModelIndex, words: DiagramWords, options: DiagramOptions = {}): Diagram {
  const { t, name } = words;
  const NO_TIER = t('diagrams.fd.noTier');
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const figures = options.figures ?? figuresOf(model, index, selection);
  const { fullCount, collapsed } = firstDeliveryLayout(figures, model.elements.deliveryTier.length, filtered, threshold);

  const expanded = collapsed && options.expandId !== undefined ? index.get('informationCategory', options.expandId) : undefined;
  const expandedTotal = expanded ? figures.tierCategory.filter((r) => r.categoryId === expanded.id).reduce((n, r) => n + r.services, 0) : 0;
  const paging = expanded ? pageOf(expandedTotal, options.page) : undefined;
  // The services drawn: all of them, or one page of the expanded category's. Given the figures,
  // the model holds just that page already; a whole model is paged here.
  const held = selectServices(model, index, selection);
  const candidates = !collapsed ? held : expanded ? held.filter((s) => s.categoryId === expanded.id) : [];
  const offset = options.figures === undefined && paging ? (paging.page - 1) * EXPAND_PAGE : 0;
  const drawnServices = collapsed ? candidates.slice(offset, offset + EXPAND_PAGE) : candidates;
  const tierOf = (s: InformationService) => (index.get('deliveryTier', s.tierId) ? s.tierId : null);
  const categoryOf = (s: InformationService) => (index.get('informationCategory', s.categoryId) ? s.categoryId : null);
  const drawnIn = groupBy(drawnServices, (s) => `${tierOf(s)}|${categoryOf(s)}`);

  const rowsOf = groupBy(figures.tierCategory, (r) => r.tierId);
  const categoryPosition = (id: number | null) => (id === null ? Number.MAX_SAFE_INTEGER : (index.get('informationCategory', id)?.position ?? 0));
  const tiers: Array<DeliveryTier | undefined> = [...model.elements.deliveryTier].sort(byPosition).filter((t) => rowsOf.has(t.id) || !filtered);
  if (rowsOf.has(null)) tiers.push(undefined);

  const title = t('diagrams.fd.title');
  const description = t('diagrams.fd.description', { count: figures.selected, filtered: filtered ? 'yes' : 'no', tiers: tiers.length });
  const chart = new Flowchart('LR', title, description, t('diagrams.unnamed'));
  const rows: Cell[][] = [];

  for (const tier of tiers) {
    const tierLabel = tier ? (tier.firstDelivery ? name(tier) : t('diagrams.fd.tierLater', { name: inLabel(name(tier)) })) : NO_TIER;
    const tierNode = chart.node(tierLabel, { shape: 'stadium', style: style(tier ? (tier.firstDelivery ? 'tier' : 'tierLater') : 'open') });
    const groups = [...(rowsOf.get(tier?.id ?? null) ?? [])].sort(
      (a, b) => categoryPosition(a.categoryId) - categoryPosition(b.categoryId) || (a.categoryId ?? 0) - (b.categoryId ?? 0),
    );
    if (groups.length === 0) {
      rows.push([tier ? { element: ref(tier) } : { text: NO_TIER }, { text: '–' }, { list: [], empty: t('diagrams.fd.tierEmpty') }]);
    }
    for (const group of groups) {
      const category = index.get('informationCategory', group.categoryId);
      const categoryNode = chart.node(t('diagrams.label.count', { name: category ? inLabel(name(category)) : t('diagrams.noCategory'), count: group.services }), { shape: 'round', style: style('category') });
      chart.edge(tierNode, categoryNode, { style: edgeStyles.plain });
      const open = !collapsed || (category !== undefined && category.id === expanded?.id);
      const list = drawnIn.get(`${tier?.id ?? null}|${group.categoryId}`) ?? [];
      for (const service of list) {
        const id = chart.node(name(service), { style: style(service.tierTentative ? 'serviceTentative' : 'service') });
        chart.edge(categoryNode, id, { style: edgeStyles.plain });
      }
      rows.push([
        tier ? { element: ref(tier) } : { text: NO_TIER },
        category
          ? { element: ref(category), note: t('common.count.services', { count: group.services }), expand: open ? undefined : { key: category.key, text: t('diagrams.fd.expand') } }
          : { text: t('diagrams.label.count', { name: t('diagrams.noCategory'), count: group.services }) },
        open
          ? { list: list.map((s) => ({ element: ref(s), note: s.tierTentative ? t('diagrams.fd.tentative') : undefined })), empty: '–' }
          : tier
            ? { more: { text: t('diagrams.fd.seeList', { count: group.services }), href: serviceListHref(tier, category) } }
            : { more: { text: t('common.count.services', { count: group.services }) } },
      ]);
    }
  }

  const notes: string[] = [];
  if (figures.selected === 0) notes.push(filtered ? t('diagrams.note.noneMatch') : t('diagrams.fd.noServices'));
  const tentative = figures.tierCategory.reduce((n, r) => n + r.tentative, 0);
  if (tentative > 0) {
    notes.push(t('diagrams.fd.note.tentative', { count: tentative }));
  }
  const withoutTier = (rowsOf.get(null) ?? []).reduce((n, r) => n + r.services, 0);
  if (withoutTier > 0) notes.push(t('diagrams.fd.note.withoutTier', { count: withoutTier }));
  if (collapsed) notes.push(collapseNote(words, fullCount, threshold, 'tiers'));
  if (expanded && paging && paging.pages > 1) notes.push(pagingNote(words, paging, name(expanded)));

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed,
    notes,
    paging: paging && paging.pages > 1 ? paging : undefined,
    legend: [
      { label: t('diagrams.fd.legend.tier'), node: nodeStyles.tier },
      { label: t('diagrams.fd.legend.tierLater'), node: nodeStyles.tierLater },
      { label: t('diagrams.fd.legend.category'), node: nodeStyles.category },
      { label: t('diagrams.fd.legend.service'), node: nodeStyles.service },
      { label: t('diagrams.fd.legend.serviceTentative'), node: nodeStyles.serviceTentative },
      { label: t('diagrams.fd.legend.open'), node: nodeStyles.open },
    ],
    table: {
      caption: t('diagrams.fd.caption'),
      columns: [t('diagrams.fd.col.tier'), t('diagrams.fd.col.category'), t('diagrams.fd.col.services')],
      rows,
    },
  };
}
