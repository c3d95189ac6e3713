import type { GapReport, InferredLinkCount } from '../../model/gaps.ts';
import { useI18n } from '../i18n/index.ts';
import type { GapCounts, LoadedGaps } from '../../src/db/queries/gaps.ts';
import type { ElementKind } from '../../model/kinds.ts';
import type { ModelIndex } from '../../model/lookup.ts';
import type { ScopeElement } from '../../model/schemas.ts';
import { ElementLink, Empty, PageHeader } from '../components/common.tsx';

export interface GapSection {
  id: string;
  title: string;
  description: string;
  items: ScopeElement[];
  /** How many there are in all (`items` may be only the first of them). */
  total: number;
  /** Worth knowing, but not something missing (tentative items). */
  informational?: boolean;
  /** Show the items grouped by kind. */
  byKind?: boolean;
  /** Show each capability with the path above it. */
  withPath?: boolean;
}

export function gapSections(gaps: GapReport, counts: GapCounts): GapSection[] {
  const { t } = useI18n();
  const sections: Array<Omit<GapSection, 'total'> & { key: keyof GapReport }> = [
    {
      id: 'uten-aktor',
      title: t('gaps.uten-aktor.title'),
      description: t('gaps.uten-aktor.description'),
      key: 'servicesWithoutExchange',
      items: gaps.servicesWithoutExchange,
    },
    {
      id: 'uten-personellgruppe',
      title: t('gaps.uten-personellgruppe.title'),
      description: t('gaps.uten-personellgruppe.description'),
      key: 'servicesWithoutPersonnel',
      items: gaps.servicesWithoutPersonnel,
    },
    {
      id: 'grupper-uten-tjeneste',
      title: t('gaps.grupper-uten-tjeneste.title'),
      description: t('gaps.grupper-uten-tjeneste.description'),
      key: 'personnelGroupsWithoutService',
      items: gaps.personnelGroupsWithoutService,
    },
    {
      id: 'funksjonsomrader-uten-tjeneste',
      title: t('gaps.funksjonsomrader-uten-tjeneste.title'),
      description: t('gaps.funksjonsomrader-uten-tjeneste.description'),
      key: 'capabilitiesWithoutService',
      items: gaps.capabilitiesWithoutService,
      withPath: true,
    },
    {
      id: 'uten-trinn',
      title: t('gaps.uten-trinn.title'),
      description: t('gaps.uten-trinn.description'),
      key: 'servicesWithoutTier',
      items: gaps.servicesWithoutTier,
    },
    {
      id: 'uten-kategori',
      title: t('gaps.uten-kategori.title'),
      description: t('gaps.uten-kategori.description'),
      key: 'servicesWithoutCategory',
      items: gaps.servicesWithoutCategory,
    },
    {
      id: 'ukoblet',
      title: t('gaps.ukoblet.title'),
      description: t('gaps.ukoblet.description'),
      key: 'unlinked',
      items: gaps.unlinked,
      byKind: true,
    },
    {
      id: 'tentative-plasseringer',
      title: t('gaps.tentative-plasseringer.title'),
      description: t('gaps.tentative-plasseringer.description'),
      key: 'tentativeTierAssignments',
      items: gaps.tentativeTierAssignments,
      informational: true,
    },
    {
      id: 'tentative',
      title: t('gaps.tentative.title'),
      description: t('gaps.tentative.description'),
      key: 'tentative',
      items: gaps.tentative,
      informational: true,
      byKind: true,
    },
    {
      id: 'tolkninger',
      title: t('gaps.tolkninger.title'),
      description: t('gaps.tolkninger.description'),
      key: 'inferred',
      items: gaps.inferred,
      informational: true,
      byKind: true,
    },
  ];
  return sections.map(({ key, ...section }) => ({ ...section, total: counts[key] }));
}

export function GapsPage({ gaps, index }: { gaps: LoadedGaps; index: ModelIndex }) {
  const sections = gapSections(gaps.gaps, gaps.counts);
  const { t, number } = useI18n();
  const inferredLinkTotal = gaps.inferredLinks.reduce((n, c) => n + c.total, 0);
  return (
    <>
      <PageHeader
        title={t('gaps.title')}
        lead={t('gaps.lead')}
        crumbs={[{ href: '/', label: t('layout.nav.overview') }, { label: t('gaps.title') }]}
      />
      <nav aria-label={t('gaps.toc')} class="toc">
        <ul>
          {sections.map((s) => (
            <li>
              <a class="ds-link" href={`#${s.id}`}>
                {s.title}
              </a>{' '}
              ({number(s.total)})
            </li>
          ))}
          <li>
            <a class="ds-link" href="#tolkede-koblinger">
              {t('links.gaps.inferredLinks.title')}
            </a>{' '}
            ({number(inferredLinkTotal)})
          </li>
        </ul>
      </nav>
      {sections.map((s) => (
        <GapSectionView section={s} index={index} />
      ))}
      <InferredLinksSection counts={gaps.inferredLinks} />
    </>
  );
}

/** The inferred links by type: how many, and how many still lack the reason an inferred link needs. */
function InferredLinksSection({ counts }: { counts: InferredLinkCount[] }) {
  const { t, number } = useI18n();
  const total = counts.reduce((n, c) => n + c.total, 0);
  const missing = counts.reduce((n, c) => n + c.withoutReason, 0);
  return (
    <section id="tolkede-koblinger" aria-labelledby="tolkede-koblinger-tittel" class="gap-section">
      <h2 id="tolkede-koblinger-tittel" class="ds-heading" data-size="sm">
        {t('links.gaps.inferredLinks.title')} ({number(total)})
      </h2>
      <p class="ds-paragraph muted">{t('links.gaps.inferredLinks.description')}</p>
      <p class="ds-paragraph" id="tolkede-koblinger-sum">
        {t('links.gaps.inferredLinks.sum', { count: total, missing })}
      </p>
      <section class="table-scroll" tabindex={0} aria-label={t('links.gaps.inferredLinks.caption')}>
        <table class="ds-table" data-border>
          <caption class="ds-sr-only">{t('links.gaps.inferredLinks.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('links.gaps.inferredLinks.type')}</th>
              <th scope="col" class="num">
                {t('links.gaps.inferredLinks.total')}
              </th>
              <th scope="col" class="num">
                {t('links.gaps.inferredLinks.withoutReason')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((c) => (
              <tr data-link-type={c.type}>
                <th scope="row">{t(`links.type.${c.type}`)}</th>
                <td class="num">{number(c.total)}</td>
                <td class="num">{number(c.withoutReason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

function GapSectionView({ section, index }: { section: GapSection; index: ModelIndex }) {
  const { t } = useI18n();
  return (
    <section id={section.id} aria-labelledby={`${section.id}-tittel`} class="gap-section">
      <h2 id={`${section.id}-tittel`} class="ds-heading" data-size="sm">
        {t('gaps.withCount', { title: section.title, count: section.total })}
      </h2>
      <p class="ds-paragraph muted">{section.description}</p>
      {section.items.length < section.total ? (
        <p class="ds-paragraph" data-size="sm">
          {t('gaps.firstOf', { shown: section.items.length, total: section.total })}
        </p>
      ) : null}
      {section.items.length === 0 ? (
        <Empty>{t('gaps.none')}</Empty>
      ) : section.byKind ? (
        groupByKind(section.items).map(([kind, items]) => (
          <details class="ds-details">
            <summary>
              {t('gaps.withCount', { title: t(`kinds.${kind}.plural`), count: items.length })}
            </summary>
            <div>
              <ItemList items={items} index={index} />
            </div>
          </details>
        ))
      ) : (
        <ItemList items={section.items} index={index} withPath={section.withPath} />
      )}
    </section>
  );
}

function ItemList({ items, index, withPath }: { items: ScopeElement[]; index: ModelIndex; withPath?: boolean | undefined }) {
  return (
    <ul class="gap-list">
      {items.map((item) => (
        <li>
          <ElementLink element={item} />
          {withPath && item.kind === 'capability' ? <CapabilityPath index={index} parentId={item.parentId} /> : null}
        </li>
      ))}
    </ul>
  );
}

function CapabilityPath({ index, parentId }: { index: ModelIndex; parentId: number | null }) {
  const { t, name } = useI18n();
  const path: string[] = [];
  let parent = index.get('capability', parentId);
  while (parent && path.length < 20) {
    path.unshift(name(parent));
    parent = index.get('capability', parent.parentId);
  }
  return path.length > 0 ? <span class="muted"> {t('gaps.under', { path: path.join(' › ') })}</span> : null;
}

function groupByKind(items: ScopeElement[]): Array<[ElementKind, ScopeElement[]]> {
  const groups = new Map<ElementKind, ScopeElement[]>();
  for (const item of items) {
    const list = groups.get(item.kind) ?? [];
    list.push(item);
    groups.set(item.kind, list);
  }
  return [...groups];
}

/**
 * The gaps a matrix closes, beside the matrix: it redraws itself whenever links or services
 * change, so an architect sees a gap disappear as they fill a cell.
 */
export function GapPanel({ gaps: loaded, focus }: { gaps: LoadedGaps; focus: 'personell' | 'aktorer' }) {
  const { gaps, counts } = loaded;
  const { t, tx } = useI18n();
  const lists =
    focus === 'personell'
      ? [
          { id: 'panel-uten-personell', title: t('gaps.uten-personellgruppe.title'), items: gaps.servicesWithoutPersonnel as ScopeElement[], total: counts.servicesWithoutPersonnel },
          { id: 'panel-grupper-uten', title: t('gaps.grupper-uten-tjeneste.title'), items: gaps.personnelGroupsWithoutService as ScopeElement[], total: counts.personnelGroupsWithoutService },
        ]
      : [{ id: 'panel-uten-aktor', title: t('gaps.uten-aktor.title'), items: gaps.servicesWithoutExchange as ScopeElement[], total: counts.servicesWithoutExchange }];
  const shown = 12;
  return (
    <aside
      id="gap-panel"
      class="gap-panel ds-card"
      data-variant="tinted"
      aria-labelledby="gap-panel-tittel"
      hx-get={`/gapanalyse/panel?for=${focus}`}
      hx-trigger="scopeChanged from:body, linksChanged from:body"
      hx-swap="outerHTML"
    >
      <h2 id="gap-panel-tittel" class="ds-heading" data-size="xs">
        {t('gaps.panel.title')}
      </h2>
      <div>
        {lists.map((l) => (
          <section aria-labelledby={l.id} class="gap-panel__section">
            <h3 id={l.id} class="ds-heading" data-size="2xs">
              {tx('gaps.panel.count', { title: l.title, count: l.total, n: (chunks) => <span class="gap-panel__count">{chunks}</span> })}
            </h3>
            {l.total === 0 ? (
              <p class="ds-paragraph">{t('gaps.panel.none')}</p>
            ) : (
              <ul class="gap-list">
                {l.items.slice(0, shown).map((e) => (
                  <li>
                    <ElementLink element={e} />
                  </li>
                ))}
                {l.total > shown ? <li class="muted">{t('gaps.panel.more', { count: l.total - shown })}</li> : null}
              </ul>
            )}
          </section>
        ))}
        <p class="ds-paragraph">
          <a class="ds-link" href="/gapanalyse">
            {t('gaps.panel.all')}
          </a>
        </p>
      </div>
    </aside>
  );
}
