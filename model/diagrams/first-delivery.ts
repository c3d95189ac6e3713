import { byPosition, type ModelIndex } from '../lookup.ts';
import { selectServices } from '../matrix.ts';
import type { DeliveryTier, InformationService, ScopeModel } from '../schemas.ts';
import { categoriesOf, isFiltered, plural } from './common.ts';
import { Flowchart, inLabel } from './mermaid.ts';
import { edgeStyles, nodeStyles, style } from './palette.ts';
import { collapseNote, DEFAULT_THRESHOLD, ref, type Cell, type Diagram, type DiagramOptions } from './types.ts';

const NO_TIER = 'Uten leveransetrinn';

/**
 * What each delivery tier contains: tier -> information category -> service. Tentative
 * placements are dashed. Above the threshold the services collapse into their categories
 * (with counts); `expandId` names the one category whose services are drawn anyway.
 */
export function firstDelivery(model: ScopeModel, index: ModelIndex, options: DiagramOptions = {}): Diagram {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const selection = options.selection ?? {};
  const filtered = isFiltered(selection);
  const services = selectServices(model, index, selection);

  const byTier = new Map<number | null, InformationService[]>();
  for (const s of services) {
    const tierId = index.get('deliveryTier', s.tierId) ? s.tierId : null;
    const list = byTier.get(tierId);
    if (list) list.push(s);
    else byTier.set(tierId, [s]);
  }
  const tiers: Array<{ tier: DeliveryTier | undefined; services: InformationService[] }> = [...model.elements.deliveryTier]
    .sort(byPosition)
    .filter((t) => byTier.has(t.id) || !filtered)
    .map((t) => ({ tier: t, services: byTier.get(t.id) ?? [] }));
  if (byTier.has(null)) tiers.push({ tier: undefined, services: byTier.get(null)! });
  const groups = tiers.map((t) => ({ ...t, categories: categoriesOf(t.services, index) }));

  const fullCount = groups.reduce((n, g) => n + 1 + g.categories.length, 0) + services.length;
  const collapsed = fullCount > threshold;
  const drawn = (categoryId: number | undefined) => !collapsed || (categoryId !== undefined && categoryId === options.expandId);

  const title = 'Første leveranse: leveransetrinn, informasjonskategorier og informasjonstjenester';
  const description = `${plural(services.length, 'informasjonstjeneste', 'informasjonstjenester')}${filtered ? ' i filteret' : ''} fordelt på ${plural(tiers.length, 'leveransetrinn', 'leveransetrinn')} og informasjonskategoriene i hvert trinn.`;
  const chart = new Flowchart('LR', title, description);
  const rows: Cell[][] = [];

  for (const { tier, categories } of groups) {
    const tierLabel = tier ? (tier.firstDelivery ? tier.name : `${inLabel(tier.name)} (senere leveranse)`) : NO_TIER;
    const tierId = chart.node(tierLabel, { shape: 'stadium', style: style(tier ? (tier.firstDelivery ? 'tier' : 'tierLater') : 'open') });
    if (categories.length === 0) {
      rows.push([tier ? { element: ref(tier) } : { text: NO_TIER }, { text: '–' }, { list: [], empty: 'Ingen informasjonstjenester i trinnet.' }]);
    }
    for (const { category, services: list } of categories) {
      const categoryId = chart.node(`${category ? inLabel(category.name) : 'Uten kategori'} (${list.length})`, { shape: 'round', style: style('category') });
      chart.edge(tierId, categoryId, { style: edgeStyles.plain });
      const open = drawn(category?.id);
      if (open) {
        for (const service of list) {
          const id = chart.node(service.name, { style: style(service.tierTentative ? 'serviceTentative' : 'service') });
          chart.edge(categoryId, id, { style: edgeStyles.plain });
        }
      }
      rows.push([
        tier ? { element: ref(tier) } : { text: NO_TIER },
        category
          ? { element: ref(category), note: plural(list.length, 'tjeneste', 'tjenester'), expand: open ? undefined : { key: category.key, text: 'Vis tjenestene i diagrammet' } }
          : { text: `Uten kategori (${list.length})` },
        {
          list: list.map((s) => ({ element: ref(s), note: s.tierTentative ? 'tentativ plassering' : undefined })),
          empty: '–',
        },
      ]);
    }
  }

  const notes: string[] = [];
  if (services.length === 0) notes.push(filtered ? 'Ingen informasjonstjenester passer filteret.' : 'Modellen har ingen informasjonstjenester ennå.');
  const tentative = services.filter((s) => s.tierTentative).length;
  if (tentative > 0) {
    notes.push(`${plural(tentative, 'informasjonstjeneste', 'informasjonstjenester')} har tentativ plassering i trinnet (stiplet): lysarket er merket «TENTATIVT, ER UNDER ARBEID».`);
  }
  if (byTier.has(null)) notes.push(`${plural(byTier.get(null)!.length, 'informasjonstjeneste', 'informasjonstjenester')} er ikke plassert i noe leveransetrinn.`);
  if (collapsed) notes.push(collapseNote(fullCount, threshold, 'bare kategoriene i hvert trinn'));

  return {
    title,
    description,
    source: chart.toString(),
    nodeCount: chart.nodeCount,
    collapsed,
    notes,
    legend: [
      { label: 'Leveransetrinn i første leveranse', node: nodeStyles.tier },
      { label: 'Leveransetrinn etter første leveranse', node: nodeStyles.tierLater },
      { label: 'Informasjonskategori, med antall tjenester i trinnet', node: nodeStyles.category },
      { label: 'Informasjonstjeneste', node: nodeStyles.service },
      { label: 'Informasjonstjeneste med tentativ plassering (stiplet)', node: nodeStyles.serviceTentative },
      { label: 'Ikke plassert i noe trinn', node: nodeStyles.open },
    ],
    table: {
      caption: 'Leveransetrinn, informasjonskategorier og informasjonstjenester',
      columns: ['Leveransetrinn', 'Informasjonskategori', 'Informasjonstjenester'],
      rows,
    },
  };
}
